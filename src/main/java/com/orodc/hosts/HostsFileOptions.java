package com.orodc.hosts;

import java.nio.file.Path;

/**
 * How one hosts file is written, where it differs from {@code /etc/hosts}.
 *
 * @param lineSeparator the block's line terminator; null for the one the file already uses (LF for a new file)
 * @param namesPerLine  how many names share one address line
 * @param inPlace       always rewrite the file in place, never rename a new file over it: a file whose access
 *                      list must stay, in a folder where orodc may not create files (the Windows hosts file)
 * @param lockFile      the lock every writer of this file takes; null for a file beside it
 * @param backupFile    where the content before an in-place write is kept; null for {@code <name>.orodc.bak} beside it
 */
public record HostsFileOptions(String lineSeparator, int namesPerLine, boolean inPlace, Path lockFile, Path backupFile) {
    public static final HostsFileOptions DEFAULT = new HostsFileOptions(null, 1, false, null, null);
    /** Windows ignores names past the ninth on a line. */
    public static final int WINDOWS_NAMES_PER_LINE = 9;

    public HostsFileOptions {
        if (namesPerLine < 1) {
            throw new IllegalArgumentException("namesPerLine must be at least 1");
        }
        if (lineSeparator != null && !lineSeparator.equals("\n") && !lineSeparator.equals("\r\n")) {
            throw new IllegalArgumentException("a hosts file line ends with LF or CRLF");
        }
    }

    /** The Windows hosts file: CRLF, 9 names a line, written in place, lock and backup where orodc may write. */
    public static HostsFileOptions windows(Path lockFile, Path backupFile) {
        return new HostsFileOptions("\r\n", WINDOWS_NAMES_PER_LINE, true, lockFile, backupFile);
    }
}
