package com.orodc.hosts;

import com.orodc.core.ExitCode;
import com.orodc.core.OrodcException;
import com.orodc.core.ProcessUser;
import com.orodc.core.Reporter;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
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
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.function.Function;

/**
 * Changes the orodc block of a hosts file without losing anything else in it: under the lock beside the
 * file that every orodc writer takes, re-read,
 * write a temporary file in the same directory, fsync, give it the original mode and owner, and rename
 * it over the file. When the file is a bind mount (rename fails with EBUSY or EXDEV) it is rewritten in
 * place after a copy of the old content is saved as {@code <name>.orodc.bak}.
 */
public final class HostsFileWriter {
    static final int ATTEMPTS = 5;
    private static final Duration APPEND_PATIENCE = Duration.ofSeconds(10);
    private static final byte[] END_LINE = HostsBlock.END.getBytes(StandardCharsets.US_ASCII);
    private static final int SETTLE_CHECKS = 10;

    private final Path file;
    private final HostsFileOptions options;
    private final Reporter reporter;

    public HostsFileWriter(Path file, Reporter reporter) {
        this(file, HostsFileOptions.DEFAULT, reporter);
    }

    public HostsFileWriter(Path file, HostsFileOptions options, Reporter reporter) {
        this.file = file.toAbsolutePath();
        this.options = options;
        this.reporter = reporter;
    }

    /**
     * The lock every orodc writer of this file takes, whatever its ORODC_HOME or user: a file beside
     * the one written (beside a link's target, which is what changes).
     */
    public Path lockFile() {
        if (options.lockFile() != null) {
            return options.lockFile().toAbsolutePath();
        }
        Path target = file;
        try {
            target = file.toRealPath();
        } catch (IOException e) {
            // a missing file is reported when it is read; the lock still has a place
        }
        return target.resolveSibling("." + target.getFileName() + ".orodc.lock");
    }

    public Path file() {
        return file;
    }

    /** Puts {@code block} into the file; false when the file already had exactly that content. */
    public boolean write(HostsBlock block) {
        return update(text -> text.withBlock(block, options));
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
        try (HostsFileLock ignored = HostsFileLock.acquire(lockFile())) {
            // a hosts file that is a link (NixOS, some dotfile setups) stays a link: its target is what changes
            Path target = Files.isSymbolicLink(file) ? realPath() : file;
            // another program only appending is waited out (within a bound); any other change ATTEMPTS times
            long appendDeadline = System.nanoTime() + APPEND_PATIENCE.toNanos();
            int otherChanges = 0;
            byte[] previous = null;
            for (int attempt = 1; ; attempt++) {
                byte[] before = readBytes();
                if (previous != null && (isAppendOf(previous, before) ? System.nanoTime() > appendDeadline : ++otherChanges >= ATTEMPTS)) {
                    break;
                }
                byte[] after = HostsFileText.bytes(edit.apply(HostsFileText.parse(before, file.toString())));
                // padding an in-place write left is not a change to write again
                if (Arrays.equals(before, after) || Arrays.equals(withoutPadding(before), after)) {
                    return false;
                }
                if (replace(target, before, after)) {
                    return true;
                }
                previous = before;
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
        if (options.inPlace()) {
            return writeInPlace(file, before, after, "its access list stays as it is");
        }
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
            return writeInPlace(file, before, after, "cannot be replaced (" + e.getMessage() + "), probably a bind mount");
        } catch (FileSystemException e) {
            if (isRenameRefused(e)) {
                return writeInPlace(file, before, after, "cannot be replaced (" + e.getMessage() + "), probably a bind mount");
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
            byte[] tail = readFrom(old, done);
            if (tail.length > 0) {
                appendTo(file, tail);
                done += tail.length;
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

    private boolean writeInPlace(Path file, byte[] before, byte[] after, String why) {
        reporter.debug(file + " " + why + ": writing it in place");
        Path backup = options.backupFile() != null ? options.backupFile()
                : file.resolveSibling(file.getFileName() + ".orodc.bak");
        try {
            writeAndSync(backup, before);
        } catch (IOException e) {
            reporter.debug("no backup " + backup + ": " + e.getMessage());
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            if (!Arrays.equals(before, readAll(channel))) {
                return false;
            }
            byte[] target = after;
            if (after.length < before.length) {
                // never shrink in place: a truncation would cut what another program appends meanwhile;
                // the freed bytes become spaces at the end of the block's END line, a comment
                byte[] padded = padded(after, before.length - after.length);
                target = padded != null ? padded : after;
            }
            int same = 0;
            while (same < before.length && same < target.length && before[same] == target[same]) {
                same++;
            }
            // below the old end of the file: no appending program writes there
            writeAt(channel, target, same, Math.min(before.length, target.length), same);
            if (target.length > before.length) {
                growByAppending(file, channel, before.length, Arrays.copyOfRange(target, before.length, target.length));
            } else if (target.length < before.length) {
                // no END line to pad (the block was removed): lines appended since the check are kept across the cut
                byte[] appended = readFrom(channel, before.length);
                channel.truncate(target.length);
                writeAt(channel, appended, 0, appended.length, target.length);
            }
            channel.force(true);
            byte[] written = readAll(channel);
            // what we wrote, followed by nothing or by whole lines another program appended meanwhile
            return Arrays.equals(written, target) || isAppendOf(target, written);
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

    /**
     * The file grows by {@code extension} past {@code oldEnd}. Written with O_APPEND, it lands after
     * whatever another program appended just before; those lines are then moved behind it, in place,
     * below the end of the file where no appending program writes.
     */
    private static void growByAppending(Path file, FileChannel channel, int oldEnd, byte[] extension) throws IOException {
        try (FileChannel append = FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
            writeAt(append, extension, 0, extension.length, -1);
        }
        byte[] tail = readFrom(channel, oldEnd);
        int at = indexOf(tail, extension);
        if (at > 0 && tail[at - 1] == '\n') {
            byte[] reordered = new byte[at + extension.length];
            System.arraycopy(extension, 0, reordered, 0, extension.length);
            System.arraycopy(tail, 0, reordered, extension.length, at);
            writeAt(channel, reordered, 0, reordered.length, oldEnd);
        }
    }

    /** Writes {@code bytes[from..to)} at {@code position}; at the end of an append channel when it is negative. */
    private static void writeAt(FileChannel channel, byte[] bytes, int from, int to, long position) throws IOException {
        ByteBuffer buffer = ByteBuffer.wrap(bytes, from, Math.max(0, to - from));
        for (long at = position; buffer.hasRemaining(); ) {
            at += position < 0 ? channel.write(buffer) : channel.write(buffer, at);
        }
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    /** {@code text} with {@code count} spaces before the line end of the block's END line; null without one. */
    static byte[] padded(byte[] text, int count) {
        int end = indexOf(text, END_LINE);
        if (end < 0) {
            return null;
        }
        int lineEnd = end + END_LINE.length;
        byte[] result = new byte[text.length + count];
        System.arraycopy(text, 0, result, 0, lineEnd);
        Arrays.fill(result, lineEnd, lineEnd + count, (byte) ' ');
        System.arraycopy(text, lineEnd, result, lineEnd + count, text.length - lineEnd);
        return result;
    }

    /** {@code text} without the padding {@link #padded} leaves; the same array when there is none. */
    static byte[] withoutPadding(byte[] text) {
        int end = indexOf(text, END_LINE);
        if (end < 0) {
            return text;
        }
        int lineEnd = end + END_LINE.length;
        int spaces = 0;
        while (lineEnd + spaces < text.length && text[lineEnd + spaces] == ' ') {
            spaces++;
        }
        if (spaces == 0) {
            return text;
        }
        byte[] result = new byte[text.length - spaces];
        System.arraycopy(text, 0, result, 0, lineEnd);
        System.arraycopy(text, lineEnd + spaces, result, lineEnd, text.length - lineEnd - spaces);
        return result;
    }

    private static byte[] readFrom(FileChannel channel, long from) throws IOException {
        long size = channel.size();
        if (size <= from) {
            return new byte[0];
        }
        ByteBuffer buffer = ByteBuffer.allocate((int) (size - from));
        while (buffer.hasRemaining() && channel.read(buffer, from + buffer.position()) > 0) {
            // keep reading until the tail is in
        }
        return Arrays.copyOf(buffer.array(), buffer.position());
    }

    private static byte[] readAll(FileChannel channel) throws IOException {
        return readFrom(channel, 0);
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
            throw new IOException("cannot give the new file the owner and group of the old one", e);
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
        return OrodcException.io(failureMessage(file, e, ProcessUser.isRoot()), e);
    }

    /**
     * The same words for the same problem, whatever temporary file it happened on: the hosts sync logs
     * a problem once until it changes, and a message naming a random file would change every time.
     */
    static String failureMessage(Path file, IOException e, boolean root) {
        String reason = reason(e);
        String fix;
        if (!root && (e instanceof AccessDeniedException || reason.contains("not permitted"))) {
            fix = "run it as root (sudo), or give a --hosts-file this user may write";
        } else if (reason.contains("not permitted")) {
            fix = "the file or its folder may be immutable: see lsattr " + file + " and chattr -i";
        } else if (reason.contains("read-only")) {
            fix = "it is on a read-only file system: remount it writable or give another --hosts-file";
        } else if (e instanceof AccessDeniedException) {
            fix = "a security module (SELinux, AppArmor) or the file system refuses root here: check its labels, or give another --hosts-file";
        } else {
            fix = "check " + file + " and its folder";
        }
        return "cannot update " + file + ": " + reason + "; " + fix;
    }

    private static String reason(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof NoSuchFileException) {
            return "its folder is gone or cannot hold new files";
        }
        if (e instanceof FileSystemException f && f.getReason() != null) {
            return f.getReason().toLowerCase(Locale.ROOT);
        }
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        // what follows a path is the reason; the path itself may name a temporary file
        return message.replaceAll("/\\S*\\.orodc-\\S*\\.tmp", "a temporary file beside it");
    }
}
