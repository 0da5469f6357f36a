package com.orodc.certs;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Files to replace together. Every new file is first written completely to a temporary file in the same
 * directory (keys with mode 0600 from the moment they exist), and only when all are written are they
 * renamed into place. A failure while writing leaves the directory as it was.
 */
final class StagedFiles {
    private static final Set<PosixFilePermission> DIR_MODE = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> SECRET_MODE = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> PUBLIC_MODE = PosixFilePermissions.fromString("rw-r--r--");

    private record Entry(String content, boolean secret) {
    }

    private final Path dir;
    private final Map<Path, Entry> entries = new LinkedHashMap<>();

    StagedFiles(Path dir) {
        this.dir = dir;
    }

    void add(Path target, String content, boolean secret) {
        entries.put(target, new Entry(content, secret));
    }

    boolean isEmpty() {
        return entries.isEmpty();
    }

    void commit() {
        if (entries.isEmpty()) {
            return;
        }
        createDirectory();
        Map<Path, Path> temps = new LinkedHashMap<>();
        try {
            for (Map.Entry<Path, Entry> e : entries.entrySet()) {
                temps.put(e.getKey(), writeTemp(e.getKey(), e.getValue()));
            }
        } catch (RuntimeException e) {
            temps.values().forEach(StagedFiles::deleteQuietly);
            throw e;
        }
        for (Map.Entry<Path, Path> t : temps.entrySet()) {
            try {
                Files.move(t.getValue(), t.getKey(), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException e) {
                temps.values().forEach(StagedFiles::deleteQuietly);
                throw FileProblem.cannot("replace", t.getKey(), e, "fix the permissions of " + dir);
            }
        }
    }

    private void createDirectory() {
        try {
            if (!Files.isDirectory(dir)) {
                if (posix()) {
                    Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(DIR_MODE));
                } else {
                    Files.createDirectories(dir);
                }
            }
            OwnerOnly.restrict(dir);
        } catch (IOException e) {
            throw FileProblem.cannot("create", dir, e, "fix the permissions of its parent or set ORODC_HOME elsewhere");
        }
    }

    private Path writeTemp(Path target, Entry entry) {
        Path temp = null;
        try {
            FileAttribute<?>[] attrs = posix()
                    ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(SECRET_MODE)}
                    : new FileAttribute<?>[0];
            temp = Files.createTempFile(dir, "." + target.getFileName() + ".", ".tmp", attrs);
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer buffer = ByteBuffer.wrap(entry.content().getBytes(StandardCharsets.US_ASCII));
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
            if (posix() && !entry.secret()) {
                Files.setPosixFilePermissions(temp, PUBLIC_MODE);
            }
            return temp;
        } catch (IOException e) {
            if (temp != null) {
                deleteQuietly(temp);
            }
            throw FileProblem.cannot("write in", dir, e, "fix its permissions or set ORODC_HOME to a writable directory");
        }
    }

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException ignored) {
            // a stray temporary file is harmless; the error that brought us here matters more
        }
    }

    private static boolean posix() {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    }
}
