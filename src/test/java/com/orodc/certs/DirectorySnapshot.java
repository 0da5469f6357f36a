package com.orodc.certs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** Every file under a directory with its bytes, mode and modification time, to compare before and after. */
public record DirectorySnapshot(Map<String, String> entries) {

    public static DirectorySnapshot of(Path dir) {
        Map<String, String> entries = new TreeMap<>();
        if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
            return new DirectorySnapshot(entries);
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.toList()) {
                String name = dir.relativize(p).toString();
                String mode = PosixFilePermissions.toString(Files.getPosixFilePermissions(p, LinkOption.NOFOLLOW_LINKS));
                String mtime = Files.getLastModifiedTime(p, LinkOption.NOFOLLOW_LINKS).toString();
                String content = Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)
                        ? Base64.getEncoder().encodeToString(Files.readAllBytes(p)) : "(dir)";
                entries.put(name.isEmpty() ? "." : name, mode + " " + (Files.isDirectory(p) ? "" : mtime + " ") + content);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new DirectorySnapshot(entries);
    }
}
