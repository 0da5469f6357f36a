package com.orodc.hosts;

import com.orodc.testing.FakeWsl;
import com.orodc.testing.Shell;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.SortedSet;
import java.util.TreeSet;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The writer in a separate JVM: killed with SIGKILL mid-run, and writing through a real bind mount. */
class HostsFileWriterProcessIT {
    private static final String USER_LINES = "127.0.0.1 localhost\n::1 localhost\n# keep me\n10.0.0.1 intranet.example\n";

    @TempDir
    Path dir;

    private List<String> writerLoop(Path file, long iterations) {
        return writerLoop(file, iterations, null);
    }

    /** @param windowsState with a directory: the writer writes {@code file} as the Windows hosts file, lock and backup there */
    private List<String> writerLoop(Path file, long iterations, Path windowsState) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(HostsWriterLoop.class.getName());
        command.add(file.toString());
        command.add(Long.toString(iterations));
        if (windowsState != null) {
            command.add(windowsState.toString());
        }
        return command;
    }

    /**
     * Two writer processes keep the file's block (the Windows file's options when {@code windowsState} is given)
     * while another program appends 600 lines ending in {@code lineEnd}, one every 5 ms; returns those lines.
     */
    private List<String> appendBesideTwoWriters(Path hosts, Path windowsState, String lineEnd) throws Exception {
        List<Process> writers = new ArrayList<>();
        List<String> appended = new ArrayList<>();
        try {
            for (int w = 0; w < 2; w++) {
                Process writer = new ProcessBuilder(writerLoop(hosts, Long.MAX_VALUE, windowsState)).redirectErrorStream(true).start();
                writers.add(writer);
                BufferedReader out = new BufferedReader(new InputStreamReader(writer.getInputStream(), StandardCharsets.UTF_8));
                assertThat(out.readLine()).as("writer started").isEqualTo("written");
            }
            for (int i = 0; i < 600; i++) {
                String line = "10.1." + (i / 250) + "." + (i % 250) + " appended-" + i + ".example" + lineEnd;
                Files.writeString(hosts, line, StandardCharsets.US_ASCII, StandardOpenOption.APPEND);
                appended.add(line);
                Thread.sleep(5);
            }
        } finally {
            for (Process writer : writers) {
                writer.destroy();
                assertThat(writer.waitFor(30, TimeUnit.SECONDS)).isTrue();
            }
        }
        return appended;
    }

    @Test
    void sigkillDuringARunOfWritesNeverLeavesATruncatedFileOrLostLines() throws Exception {
        Path hosts = dir.resolve("hosts");
        Files.writeString(hosts, USER_LINES);
        Random random = new Random();
        for (int round = 0; round < 6; round++) {
            Process writer = new ProcessBuilder(writerLoop(hosts, Long.MAX_VALUE)).redirectErrorStream(true).start();
            try (BufferedReader out = new BufferedReader(new InputStreamReader(writer.getInputStream(), StandardCharsets.UTF_8))) {
                assertThat(out.readLine()).as("writer started").isEqualTo("written");
                Thread.sleep(50 + random.nextInt(400));
                writer.destroyForcibly(); // SIGKILL on Unix
                assertThat(writer.waitFor(30, TimeUnit.SECONDS)).isTrue();
            }
            assertThat(writer.exitValue()).isEqualTo(137);
            String content = Files.readString(hosts, StandardCharsets.ISO_8859_1);
            assertThat(content).startsWith(USER_LINES).endsWith(HostsBlock.END + "\n");
            SortedSet<String> names = HostsFileText.parse(content, hosts.toString()).blockNames();
            assertThat(names).isIn(new TreeSet<>(HostsWriterLoop.SMALL), new TreeSet<>(HostsWriterLoop.LARGE));
        }
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .as("temporary files of killed writers are named as ours").allMatch(n -> n.equals("hosts")
                            || n.equals(".hosts.orodc.lock") || n.startsWith(".hosts.orodc-"));
        }
    }

    /**
     * Two writer processes of their own (as a root service and a user's foreground sync with different
     * ORODC_HOME would be) and a program appending a line every 5 ms: every appended line survives.
     */
    @Test
    void twoWriterProcessesAndAnAppendingProgramLoseNoLine() throws Exception {
        Path hosts = dir.resolve("hosts");
        Files.writeString(hosts, USER_LINES);
        List<String> appended = appendBesideTwoWriters(hosts, null, "\n");
        List<String> lines = Files.readAllLines(hosts, StandardCharsets.ISO_8859_1);
        List<String> lost = appended.stream().map(String::strip).filter(l -> !lines.contains(l)).toList();
        System.err.println("HostsFileWriterProcessIT: " + lost.size() + " of " + appended.size() + " appended lines lost beside two writer processes");
        assertThat(lost).as("appended lines lost").isEmpty();
        assertThat(String.join("\n", lines) + "\n").startsWith(USER_LINES);
    }

    /** The in-place path (a bind mount) beside a program appending a line every 5 ms: every appended line survives. */
    @Test
    void aBindMountedFileWrittenInPlaceBesideAnAppendingProgramLosesNoLine() throws Exception {
        Path source = dir.resolve("real-hosts");
        Path mountPoint = Files.createDirectories(dir.resolve("etc")).resolve("hosts");
        Files.writeString(source, USER_LINES);
        Files.writeString(mountPoint, "placeholder under the mount\n");
        Process writer = new ProcessBuilder(inMountNamespace(source, mountPoint, writerLoop(mountPoint, 400)))
                .redirectErrorStream(true).redirectOutput(dir.resolve("writer.log").toFile()).start();
        List<String> appended = new ArrayList<>();
        // appends to the same file from outside the writer's namespace, as another program on the host would
        for (int i = 0; i < 3000 && writer.isAlive(); i++) {
            String line = "10.2." + (i / 250) + "." + (i % 250) + " appended-" + i + ".example\n";
            Files.writeString(source, line, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
            appended.add(line.strip());
            Thread.sleep(5);
        }
        assertThat(writer.waitFor(120, TimeUnit.SECONDS)).isTrue();
        String log = Files.readString(dir.resolve("writer.log"));
        assertThat(writer.exitValue()).as(log).isZero();
        assertThat(log).as("written in place").doesNotContain("kept changing");
        List<String> lines = Files.readAllLines(source, StandardCharsets.ISO_8859_1);
        List<String> lost = appended.stream().filter(l -> !lines.contains(l)).toList();
        System.err.println("HostsFileWriterProcessIT: " + lost.size() + " of " + appended.size()
                + " appended lines lost beside 400 in-place writes");
        assertThat(appended).as("the writer ran while lines were appended").hasSizeGreaterThan(20);
        assertThat(lost).as("appended lines lost").isEmpty();
        assertThat(lines.stream().filter(l -> l.contains("appended-") && !l.matches("10\\.2\\.\\d+\\.\\d+ appended-\\d+\\.example")))
                .as("no line mixed with another").isEmpty();
    }

    /** The command in a mount namespace of its own where {@code source} is bind-mounted on {@code mountPoint}, as in a container. */
    private static List<String> inMountNamespace(Path source, Path mountPoint, List<String> command) {
        Assumptions.assumeTrue(Shell.available("unshare"), "unshare is needed for a private bind mount");
        StringBuilder quoted = new StringBuilder();
        for (String part : command) {
            quoted.append(" '").append(part.replace("'", "'\\''")).append('\'');
        }
        return List.of("unshare", "--mount", "--propagation", "private", "sh", "-c",
                "mount --bind '" + source + "' '" + mountPoint + "' && exec" + quoted);
    }

    @Test
    void aBindMountedFileThatCannotBeRenamedIsWrittenInPlaceWithABackup() throws Exception {
        Assumptions.assumeTrue(Shell.available("unshare"), "unshare is needed for a private bind mount");
        Path source = dir.resolve("real-hosts");
        Path mountPoint = Files.createDirectories(dir.resolve("etc")).resolve("hosts");
        Files.writeString(source, USER_LINES);
        Files.writeString(mountPoint, "placeholder under the mount\n");
        Shell.Result r = Shell.run(inMountNamespace(source, mountPoint, writerLoop(mountPoint, 1)), null, 120);
        Assumptions.assumeFalse(r.err().contains("Operation not permitted"), "mount namespaces are not allowed here");
        r.orFail();
        String written = Files.readString(source);
        assertThat(written).startsWith(USER_LINES).contains("127.0.0.1 site-0.docker.local\n").endsWith(HostsBlock.END + "\n");
        assertThat(Files.readString(mountPoint)).as("the file under the mount is untouched").isEqualTo("placeholder under the mount\n");
        assertThat(Files.readString(dir.resolve("etc/hosts.orodc.bak"))).isEqualTo(USER_LINES);
    }

    /** The Windows hosts file (written in place, CRLF) under SIGKILL: never truncated, every user byte kept. */
    @Test
    void sigkillDuringWritesOfTheWindowsFileKeepsEveryUserByte() throws Exception {
        Path hosts = new FakeWsl(dir).windowsHosts;
        Path state = Files.createDirectories(dir.resolve("state"));
        Random random = new Random();
        for (int round = 0; round < 6; round++) {
            Process writer = new ProcessBuilder(writerLoop(hosts, Long.MAX_VALUE, state)).redirectErrorStream(true).start();
            try (BufferedReader out = new BufferedReader(new InputStreamReader(writer.getInputStream(), StandardCharsets.UTF_8))) {
                assertThat(out.readLine()).as("writer started").isEqualTo("written");
                Thread.sleep(50 + random.nextInt(400));
                writer.destroyForcibly();
                assertThat(writer.waitFor(30, TimeUnit.SECONDS)).isTrue();
            }
            assertThat(writer.exitValue()).isEqualTo(137);
            String content = new String(HostsFileWriter.withoutPadding(Files.readAllBytes(hosts)), StandardCharsets.ISO_8859_1);
            assertThat(content).startsWith(FakeWsl.WINDOWS_HOSTS).endsWith(HostsBlock.END + "\r\n");
            assertThat(content.replace("\r\n", "")).as("CRLF only").doesNotContain("\n");
            SortedSet<String> names = HostsFileText.parse(content, hosts.toString()).blockNames();
            assertThat(names).isIn(new TreeSet<>(HostsWriterLoop.SMALL), new TreeSet<>(HostsWriterLoop.LARGE));
        }
        try (var files = Files.list(hosts.getParent())) {
            assertThat(files.map(p -> p.getFileName().toString())).as("nothing beside the Windows file").containsExactly("hosts");
        }
    }

    /** Two writer processes of the Windows file and a program appending a CRLF line every 5 ms: every line survives. */
    @Test
    void twoWriterProcessesOfTheWindowsFileAndAnAppendingProgramLoseNoLine() throws Exception {
        Path hosts = new FakeWsl(dir).windowsHosts;
        Path state = Files.createDirectories(dir.resolve("state"));
        List<String> appended = appendBesideTwoWriters(hosts, state, "\r\n");
        String content = Files.readString(hosts, StandardCharsets.ISO_8859_1);
        List<String> lost = appended.stream().filter(l -> !content.contains(l)).toList();
        System.err.println("HostsFileWriterProcessIT: " + lost.size() + " of " + appended.size()
                + " appended lines lost beside two writer processes of the Windows file");
        assertThat(lost).as("appended lines lost").isEmpty();
        assertThat(content).startsWith(FakeWsl.WINDOWS_HOSTS);
    }
}
