package com.orodc.hosts;

import com.orodc.core.ExitCode;
import com.orodc.core.OrodcException;
import com.orodc.core.Reporter;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.util.Arrays;
import java.util.function.Function;

/**
 * Changes the orodc block of a hosts file without losing anything else in it: under a lock, re-read,
 * write a temporary file in the same directory, fsync, give it the original mode and owner, and rename
 * it over the file. When the file is a bind mount (rename fails with EBUSY or EXDEV) it is rewritten in
 * place after a copy of the old content is saved as {@code <name>.orodc.bak}.
 */
public final class HostsFileWriter {
    static final int ATTEMPTS = 5;
    private static final int SETTLE_CHECKS = 10;

    private final Path file;
    private final Path lockFile;
    private final Reporter reporter;

    public HostsFileWriter(Path file, Path lockFile, Reporter reporter) {
        this.file = file.toAbsolutePath();
        this.lockFile = lockFile;
        this.reporter = reporter;
    }

    public Path file() {
        return file;
    }

    /** Puts {@code block} into the file; false when the file already had exactly that content. */
    public boolean write(HostsBlock block) {
        return update(text -> text.withBlock(block));
    }

    /** Removes the block; false when there was none. */
    public boolean removeBlock() {
        return update(HostsFileText::withoutBlock);
    }

    /** Reads the file as it is now (no lock: a reader sees either the old or the new file). */
    public HostsFileText read() {
        return HostsFileText.parse(readBytes(), file.toString());
    }

    private boolean update(Function<HostsFileText, String> edit) {
        try (HostsFileLock ignored = HostsFileLock.acquire(lockFile)) {
            // a hosts file that is a link (NixOS, some dotfile setups) stays a link: its target is what changes
            Path target = Files.isSymbolicLink(file) ? realPath() : file;
            for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
                byte[] before = readBytes();
                byte[] after = HostsFileText.bytes(edit.apply(HostsFileText.parse(before, file.toString())));
                if (Arrays.equals(before, after)) {
                    return false;
                }
                if (replace(target, before, after)) {
                    return true;
                }
                reporter.debug(file + " changed while it was being written; reading it again (attempt " + attempt + ")");
            }
        }
        throw new OrodcException(ExitCode.IO, file + " kept changing while orodc tried to update it (" + ATTEMPTS
                + " attempts); stop the other program writing it and try again");
    }

    private Path realPath() {
        try {
            return file.toRealPath();
        } catch (IOException e) {
            throw failure(e);
        }
    }

    /** False when the file no longer holds {@code before}: someone else wrote it and we must start over. */
    private boolean replace(Path file, byte[] before, byte[] after) {
        Path dir = file.getParent();
        Path temp = null;
        try {
            temp = Files.createTempFile(dir, "." + file.getFileName() + ".orodc-", ".tmp");
            writeAndSync(temp, after);
            copyModeAndOwner(file, temp);
            try (FileChannel old = FileChannel.open(file, StandardOpenOption.READ)) {
                byte[] seen = before;
                for (int catchUp = 0; ; catchUp++) {
                    byte[] now = readAll(old);
                    if (Arrays.equals(seen, now)) {
                        break;
                    }
                    // lines appended meanwhile (another tool adding its entries) go to the end of ours too;
                    // any other change means starting over from what the file holds now
                    if (catchUp >= ATTEMPTS * 4 || !isAppendOf(seen, now)) {
                        return false;
                    }
                    appendTo(temp, Arrays.copyOfRange(now, seen.length, now.length));
                    seen = now;
                }
                Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                temp = null;
                syncDirectory(dir);
                carryOverLateAppends(old, seen.length, file);
            }
            return true;
        } catch (AtomicMoveNotSupportedException e) {
            return writeInPlace(file, before, after, e);
        } catch (FileSystemException e) {
            if (isRenameRefused(e)) {
                return writeInPlace(file, before, after, e);
            }
            throw failure(e);
        } catch (IOException e) {
            throw failure(e);
        } finally {
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException ignored) {
                    // a stray temporary file is harmless and named as ours
                }
            }
        }
    }

    /**
     * A writer that opened the old file just before the rename appends to it, not to the new file: its
     * lines are copied over, now and during a few milliseconds after, the time such a write takes to land.
     */
    private static void carryOverLateAppends(FileChannel old, long carried, Path file) throws IOException {
        long done = carried;
        for (int check = 0; check <= SETTLE_CHECKS; check++) {
            if (check > 0) {
                try {
                    Thread.sleep(1);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
            long size = old.size();
            if (size > done) {
                ByteBuffer tail = ByteBuffer.allocate((int) (size - done));
                old.read(tail, done);
                appendTo(file, Arrays.copyOf(tail.array(), tail.position()));
                done += tail.position();
            }
        }
    }

    /** True when {@code now} is {@code seen} with whole lines added at its end. */
    private static boolean isAppendOf(byte[] seen, byte[] now) {
        return now.length > seen.length && (seen.length == 0 || seen[seen.length - 1] == '\n')
                && Arrays.equals(seen, 0, seen.length, now, 0, seen.length);
    }

    private static boolean isRenameRefused(FileSystemException e) {
        String reason = String.valueOf(e.getReason()) + " " + e.getMessage();
        return reason.contains("busy") || reason.contains("cross-device") || reason.contains("Invalid cross-device");
    }

    private boolean writeInPlace(Path file, byte[] before, byte[] after, IOException why) {
        reporter.debug(file + " cannot be replaced (" + why.getMessage() + "), probably a bind mount: writing it in place");
        Path backup = file.resolveSibling(file.getFileName() + ".orodc.bak");
        try {
            writeAndSync(backup, before);
        } catch (IOException e) {
            reporter.debug("no backup " + backup + ": " + e.getMessage());
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            if (!Arrays.equals(before, readAll(channel))) {
                return false;
            }
            channel.write(ByteBuffer.wrap(after), 0);
            channel.truncate(after.length);
            channel.force(true);
            return true;
        } catch (IOException e) {
            throw failure(e);
        }
    }

    private byte[] readBytes() {
        try {
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new OrodcException(ExitCode.IO, file + " does not exist; create it (an empty file will do) or give another --hosts-file", e);
        } catch (IOException e) {
            throw failure(e);
        }
    }

    private static byte[] readAll(FileChannel channel) throws IOException {
        long size = channel.size();
        ByteBuffer buffer = ByteBuffer.allocate((int) size);
        while (buffer.hasRemaining() && channel.read(buffer, buffer.position()) > 0) {
            // keep reading until the whole file is in
        }
        return Arrays.copyOf(buffer.array(), buffer.position());
    }

    private static void writeAndSync(Path path, byte[] bytes) throws IOException {
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.WRITE, StandardOpenOption.CREATE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            ByteBuffer buffer = ByteBuffer.wrap(bytes);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            channel.force(true);
        }
    }

    private static void appendTo(Path path, byte[] bytes) throws IOException {
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
            channel.write(ByteBuffer.wrap(bytes));
            channel.force(true);
        }
    }

    private static void copyModeAndOwner(Path from, Path to) throws IOException {
        PosixFileAttributeView target = Files.getFileAttributeView(to, PosixFileAttributeView.class);
        if (target == null) {
            return;
        }
        PosixFileAttributes source = Files.readAttributes(from, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        target.setPermissions(source.permissions());
        PosixFileAttributes current = target.readAttributes();
        try {
            if (!current.owner().equals(source.owner())) {
                target.setOwner(source.owner());
            }
            if (!current.group().equals(source.group())) {
                target.setGroup(source.group());
            }
        } catch (IOException e) {
            throw new IOException("cannot give the new file the owner of " + from + " (" + e.getMessage() + "); run as root", e);
        }
    }

    private static void syncDirectory(Path dir) {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException ignored) {
            // not every file system lets a directory be synced; the rename itself is still atomic
        }
    }

    private OrodcException failure(IOException e) {
        return OrodcException.io("cannot update " + file + ": " + e.getMessage() + "; run as root or give a writable --hosts-file", e);
    }
}
