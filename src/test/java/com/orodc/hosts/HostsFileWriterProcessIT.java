package com.orodc.hosts;

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
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The writer in a separate JVM: killed with SIGKILL mid-run, and writing through a real bind mount. */
class HostsFileWriterProcessIT {
    private static final String USER_LINES = "127.0.0.1 localhost\n::1 localhost\n# keep me\n10.0.0.1 intranet.example\n";

    @TempDir
    Path dir;

    private List<String> writerLoop(Path file, long iterations) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(HostsWriterLoop.class.getName());
        command.add(file.toString());
        command.add(dir.resolve("hosts.lock").toString());
        command.add(Long.toString(iterations));
        return command;
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
                            || n.equals("hosts.lock") || n.startsWith(".hosts.orodc-"));
        }
    }

    @Test
    void aBindMountedFileThatCannotBeRenamedIsWrittenInPlaceWithABackup() throws Exception {
        Assumptions.assumeTrue(Shell.available("unshare"), "unshare is needed for a private bind mount");
        Path source = dir.resolve("real-hosts");
        Path mountPoint = Files.createDirectories(dir.resolve("etc")).resolve("hosts");
        Files.writeString(source, USER_LINES);
        Files.writeString(mountPoint, "placeholder under the mount\n");
        List<String> loop = writerLoop(mountPoint, 1);
        StringBuilder quoted = new StringBuilder();
        for (String part : loop) {
            quoted.append(" '").append(part.replace("'", "'\\''")).append('\'');
        }
        // a mount namespace of its own: the bind mount exists only for the writer, as in a container
        Shell.Result r = Shell.run(List.of("unshare", "--mount", "--propagation", "private", "sh", "-c",
                "mount --bind '" + source + "' '" + mountPoint + "' && exec" + quoted), null, 120);
        Assumptions.assumeFalse(r.err().contains("Operation not permitted"), "mount namespaces are not allowed here");
        r.orFail();
        String written = Files.readString(source);
        assertThat(written).startsWith(USER_LINES).contains("127.0.0.1 site-0.docker.local\n").endsWith(HostsBlock.END + "\n");
        assertThat(Files.readString(mountPoint)).as("the file under the mount is untouched").isEqualTo("placeholder under the mount\n");
        assertThat(Files.readString(dir.resolve("etc/hosts.orodc.bak"))).isEqualTo(USER_LINES);
    }
}
