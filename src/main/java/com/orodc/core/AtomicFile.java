package com.orodc.core;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.Set;

/** Whole-file writes that never leave a half-written file: temp file in the same directory, fsync, rename. */
public final class AtomicFile {
    private AtomicFile() {
    }

    /**
     * Writes {@code content} unless the file already holds exactly that; returns whether it wrote.
     * The temp file gets {@code permissions} before any byte is written, so a key is never readable by others.
     */
    public static boolean writeIfChanged(Path file, byte[] content, Set<PosixFilePermission> permissions) {
        try {
            if (Files.isRegularFile(file) && Arrays.equals(Files.readAllBytes(file), content)) {
                return false;
            }
            Path dir = file.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            Path temp = Files.createTempFile(dir, "." + file.getFileName(), ".tmp",
                    PosixFilePermissions.asFileAttribute(permissions));
            try {
                try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                    channel.write(java.nio.ByteBuffer.wrap(content));
                    channel.force(true);
                }
                try {
                    Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(temp);
            }
            return true;
        } catch (IOException e) {
            throw OrodcException.io("cannot write " + file + ": " + e.getMessage() + "; check that its directory is writable", e);
        }
    }

    public static boolean writeIfChanged(Path file, String content) {
        return writeIfChanged(file, content.getBytes(java.nio.charset.StandardCharsets.UTF_8), PosixFilePermissions.fromString("rw-r--r--"));
    }
}
