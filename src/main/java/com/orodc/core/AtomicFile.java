package com.orodc.core;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.Set;

/** Whole-file writes that never leave a half-written file: temp file in the same directory, fsync, rename. */
public final class AtomicFile {
    public static final Set<PosixFilePermission> WORLD_READABLE = PosixFilePermissions.fromString("rw-r--r--");

    private AtomicFile() {
    }

    /**
     * Replaces {@code target} with {@code content}. The temp file gets its mode before any byte is written,
     * so a key is never readable by others, not even for a moment.
     *
     * @param permissions the mode of the new file, or null to keep the mode of the file it replaces (0644 when none)
     */
    public static void write(Path target, byte[] content, Set<PosixFilePermission> permissions) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        boolean posix = dir.getFileSystem().supportedFileAttributeViews().contains("posix");
        Set<PosixFilePermission> mode = permissions != null ? permissions
                : posix && Files.exists(target) ? Files.getPosixFilePermissions(target) : WORLD_READABLE;
        FileAttribute<?>[] attributes = posix ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(mode)} : new FileAttribute<?>[0];
        Path temp = Files.createTempFile(dir, "." + target.getFileName(), ".tmp", attributes);
        try {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer buffer = ByteBuffer.wrap(content);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
            if (posix) {
                // createTempFile's mode is filtered by the umask; set it exactly
                Files.setPosixFilePermissions(temp, mode);
            }
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** Writes {@code content} unless the file already holds exactly that; returns whether it wrote. */
    public static boolean writeIfChanged(Path file, byte[] content, Set<PosixFilePermission> permissions) {
        try {
            if (Files.isRegularFile(file) && Arrays.equals(Files.readAllBytes(file), content)) {
                return false;
            }
            write(file, content, permissions);
            return true;
        } catch (IOException e) {
            throw OrodcException.io("cannot write " + file + ": " + e.getMessage() + "; check that its directory is writable", e);
        }
    }

    public static boolean writeIfChanged(Path file, String content) {
        return writeIfChanged(file, content.getBytes(StandardCharsets.UTF_8), WORLD_READABLE);
    }
}
