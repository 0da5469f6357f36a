package com.orodc.hosts;

import com.orodc.core.Reporter;
import com.orodc.testing.FakeWsl;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Windows hosts file as the sync writes it from WSL 2 (a CRLF file in a fake drive mount): in place, so its
 * access list and the file itself stay; the lock and the backup in the state directory, since orodc may not
 * create files beside it. The same concurrency tests as for /etc/hosts.
 */
class WindowsHostsFileWriterTest {
    private static final String USER_LINES = FakeWsl.WINDOWS_HOSTS;

    @TempDir
    Path dir;
    Path hosts;
    Path state;
    HostsFileWriter writer;

    @BeforeEach
    void setUp() throws Exception {
        hosts = new FakeWsl(dir).windowsHosts;
        state = Files.createDirectories(dir.resolve("orodc-home/state"));
        writer = new HostsFileWriter(hosts, HostsWriterLoop.windows(state), Reporter.SILENT);
    }

    private static HostsBlock block(String... names) {
        return HostsBlock.of(List.of(names), HostsBlock.IPV4_ONLY);
    }

    @Test
    void writesInPlaceInCrlfAndCreatesNothingBesideTheFile() throws Exception {
        Object inode = Files.getAttribute(hosts, "unix:ino");

        assertThat(writer.write(block("a.docker.local", "b.docker.local"))).isTrue();

        assertThat(Files.getAttribute(hosts, "unix:ino")).as("the same file: its Windows access list stays").isEqualTo(inode);
        assertThat(Files.readString(hosts, StandardCharsets.ISO_8859_1)).isEqualTo(USER_LINES + HostsBlock.START
                + "\r\n127.0.0.1 a.docker.local b.docker.local\r\n" + HostsBlock.END + "\r\n");
        assertThat(writer.write(block("a.docker.local", "b.docker.local"))).isFalse();
        try (var files = Files.list(hosts.getParent())) {
            assertThat(files.map(p -> p.getFileName().toString())).as("nothing beside the Windows file").containsExactly("hosts");
        }
        assertThat(writer.lockFile()).isEqualTo(state.resolve("windows-hosts.orodc.lock"));
        assertThat(Files.readString(state.resolve("windows-hosts.orodc.bak"), StandardCharsets.ISO_8859_1))
                .as("the content before the last write").isEqualTo(USER_LINES);

        assertThat(writer.write(block("a.docker.local"))).isTrue();
        assertThat(writer.removeBlock()).isTrue();
        assertThat(Files.readString(hosts, StandardCharsets.ISO_8859_1)).as("every user byte back, the block gone")
                .startsWith(USER_LINES).doesNotContain("docker.local").doesNotContain(HostsBlock.START);
        assertThat(Files.getAttribute(hosts, "unix:ino")).isEqualTo(inode);
    }

    @Test
    void linesAUserAddsAfterTheBlockStayByteForByte() throws Exception {
        writer.write(block("a.docker.local"));
        String mine = "192.168.1.20\tnas.home   # tab and spaces\r\n";
        Files.writeString(hosts, mine, StandardCharsets.ISO_8859_1, StandardOpenOption.APPEND);

        writer.write(block("a.docker.local", "b.docker.local", "c.docker.local"));

        String content = Files.readString(hosts, StandardCharsets.ISO_8859_1);
        assertThat(content).startsWith(USER_LINES).endsWith(mine);
        assertThat(HostsFileText.parse(content, "hosts").blockNames()).containsExactly("a.docker.local", "b.docker.local", "c.docker.local");
    }

    @Test
    void aConcurrentAppenderLosesNoLine() throws Exception {
        List<String> missing = HostsFileTorture.appendWhileWriting(hosts, writer, 1000, "\r\n");
        assertThat(missing).as("appended CRLF lines lost").isEmpty();
        assertThat(Files.readString(hosts, StandardCharsets.ISO_8859_1)).startsWith(USER_LINES);
        assertThat(writer.read().blockNames()).containsExactly("final.docker.local");
    }

    @Test
    void writersInManyThreadsNeverInterleave() throws Exception {
        HostsFileTorture.writeFromManyThreads(() -> new HostsFileWriter(hosts, HostsWriterLoop.windows(state), Reporter.SILENT));
        String content = Files.readString(hosts, StandardCharsets.ISO_8859_1);
        assertThat(content).startsWith(USER_LINES);
        assertThat(HostsFileText.parse(withoutPadding(content), "hosts").blockNames()).hasSize(2).contains("shared.docker.local");
    }

    private static String withoutPadding(String content) {
        return new String(HostsFileWriter.withoutPadding(content.getBytes(StandardCharsets.ISO_8859_1)), StandardCharsets.ISO_8859_1);
    }
}
