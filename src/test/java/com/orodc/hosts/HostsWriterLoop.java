package com.orodc.hosts;

import com.orodc.core.Reporter;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A separate process for the tests: writes a hosts file in a loop, alternating between two name sets
 * of different sizes, until killed or {@code iterations} writes are done. Prints "written" after the first.
 * With a third argument, a directory, it writes the file as the Windows hosts file is written (in place, CRLF,
 * 9 names a line) with its lock and backup in that directory.
 */
public final class HostsWriterLoop {
    public static final List<String> SMALL = List.of("small.docker.local");
    public static final List<String> LARGE = names(200);

    private HostsWriterLoop() {
    }

    public static void main(String[] args) {
        Path file = Path.of(args[0]);
        long iterations = Long.parseLong(args[1]);
        HostsFileWriter writer = args.length > 2 ? new HostsFileWriter(file, windows(Path.of(args[2])), Reporter.SILENT)
                : new HostsFileWriter(file, Reporter.SILENT);
        for (long i = 0; i < iterations; i++) {
            writer.write(HostsBlock.of(i % 2 == 0 ? LARGE : SMALL, HostsBlock.IPV4_AND_IPV6));
            if (i == 0) {
                System.out.println("written");
                System.out.flush();
            }
        }
    }

    static HostsFileOptions windows(Path stateDir) {
        return HostsFileOptions.windows(stateDir.resolve("windows-hosts.orodc.lock"), stateDir.resolve("windows-hosts.orodc.bak"));
    }

    static List<String> names(int count) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            names.add("site-" + i + ".docker.local");
        }
        return names;
    }
}
