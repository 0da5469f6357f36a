package com.orodc.hosts;

import com.orodc.core.OrodcException;
import com.orodc.core.Reporter;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HostsFileWriterTest {
    private static final String USER_LINES = "127.0.0.1 localhost\n::1 localhost ip6-localhost\n# my own comment\n";

    @TempDir
    Path dir;
    Path hosts;
    HostsFileWriter writer;

    @BeforeEach
    void setUp() throws Exception {
        hosts = dir.resolve("hosts");
        Files.writeString(hosts, USER_LINES);
        writer = new HostsFileWriter(hosts, Reporter.SILENT);
    }

    private static HostsBlock block(String... names) {
        return HostsBlock.of(List.of(names), HostsBlock.IPV4_AND_IPV6);
    }

    @Test
    void writesTheBlockAndDoesNotTouchTheFileWhenNothingChanged() throws Exception {
        assertThat(writer.write(block("a.docker.local"))).isTrue();
        Object inode = Files.getAttribute(hosts, "unix:ino");
        assertThat(writer.write(block("a.docker.local"))).isFalse();
        assertThat(Files.getAttribute(hosts, "unix:ino")).isEqualTo(inode);
        assertThat(Files.readString(hosts)).isEqualTo(USER_LINES + HostsBlock.START + "\n127.0.0.1 a.docker.local\n::1 a.docker.local\n"
                + HostsBlock.END + "\n");
        assertThat(writer.removeBlock()).isTrue();
        assertThat(Files.readString(hosts)).isEqualTo(USER_LINES);
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).as("the file and the lock every writer of it shares")
                    .containsExactlyInAnyOrder("hosts", ".hosts.orodc.lock");
        }
    }

    @Test
    void theLockIsBesideTheFileWhateverTheWritersHome() throws Exception {
        assertThat(writer.lockFile()).isEqualTo(hosts.toRealPath().resolveSibling(".hosts.orodc.lock"));
        Path link = Files.createSymbolicLink(dir.resolve("hosts-link"), hosts);
        assertThat(new HostsFileWriter(link, Reporter.SILENT).lockFile()).as("beside a link's target").isEqualTo(writer.lockFile());
    }

    @Test
    void aFailureReadsTheSameEachTimeAndFitsWhoRuns() {
        Path etc = Path.of("/etc/hosts");
        String first = HostsFileWriter.failureMessage(etc, new AccessDeniedException("/etc/.hosts.orodc-123.tmp"), false);
        String again = HostsFileWriter.failureMessage(etc, new AccessDeniedException("/etc/.hosts.orodc-987.tmp"), false);
        assertThat(first).isEqualTo(again)
                .isEqualTo("cannot update /etc/hosts: permission denied; run it as root (sudo), or give a --hosts-file this user may write");
        assertThat(HostsFileWriter.failureMessage(etc, new FileSystemException("/etc/.hosts.orodc-1.tmp", null, "Operation not permitted"), true))
                .isEqualTo("cannot update /etc/hosts: operation not permitted; the file or its folder may be immutable: see lsattr /etc/hosts and chattr -i");
        assertThat(HostsFileWriter.failureMessage(etc, new FileSystemException("/etc/hosts", null, "Read-only file system"), true))
                .contains("read-only file system; it is on a read-only file system").doesNotContain("run it as root");
    }

    @Test
    void paddingFromAnInPlaceShrinkIsNoChange() {
        byte[] text = (USER_LINES + HostsBlock.START + "\n127.0.0.1 a.docker.local\n" + HostsBlock.END + "\n10.0.0.9 after\n").getBytes();
        byte[] padded = HostsFileWriter.padded(text, 7);
        assertThat(new String(padded)).contains(HostsBlock.END + "       \n10.0.0.9 after\n");
        assertThat(HostsFileWriter.withoutPadding(padded)).isEqualTo(text);
        assertThat(HostsFileText.parse(padded, "hosts").blockNames()).containsExactly("a.docker.local");
    }

    @Test
    void keepsModeAndOwnerOfTheFile() throws Exception {
        Files.setPosixFilePermissions(hosts, PosixFilePermissions.fromString("rw-r-----"));
        UserPrincipal nobody = null;
        if ("root".equals(System.getProperty("user.name"))) {
            nobody = hosts.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("nobody");
            Files.setOwner(hosts, nobody);
        }
        writer.write(block("a.docker.local"));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(hosts))).isEqualTo("rw-r-----");
        if (nobody != null) {
            assertThat(Files.getOwner(hosts)).isEqualTo(nobody);
        }
    }

    @Test
    void aMalformedBlockIsLeftAlone() throws Exception {
        String malformed = USER_LINES + HostsBlock.START + "\n127.0.0.1 half.docker.local\n";
        Files.writeString(hosts, malformed);
        assertThatThrownBy(() -> writer.write(block("a.docker.local")))
                .isInstanceOf(MalformedHostsBlockException.class)
                .hasMessageContaining(hosts.toString()).hasMessageContaining("START marker without an END");
        assertThat(Files.readString(hosts)).isEqualTo(malformed);
    }

    @Test
    void aMissingFileIsOneLineNamingIt() {
        HostsFileWriter missing = new HostsFileWriter(dir.resolve("nope"), Reporter.SILENT);
        assertThatThrownBy(() -> missing.write(block("a.docker.local")))
                .isInstanceOf(OrodcException.class).hasMessageContaining("nope does not exist");
    }

    @Test
    void aConcurrentAppenderLosesNoLine() throws Exception {
        List<String> missing = HostsFileTorture.appendWhileWriting(hosts, writer, 1500, "\n");
        assertThat(missing).as("appended lines lost").isEmpty();
        assertThat(Files.readAllLines(hosts, StandardCharsets.ISO_8859_1)).startsWith(USER_LINES.strip().split("\n"));
        assertThat(writer.read().blockNames()).containsExactly("final.docker.local");
    }

    @Test
    void writersInManyThreadsNeverInterleave() throws Exception {
        HostsFileTorture.writeFromManyThreads(() -> new HostsFileWriter(hosts, Reporter.SILENT));
        String content = Files.readString(hosts);
        assertThat(content).startsWith(USER_LINES);
        assertThat(HostsFileText.parse(content, "hosts").blockNames()).hasSize(2).contains("shared.docker.local");
    }

    @Test
    void aHostsFileThatIsALinkStaysALink() throws Exception {
        Path real = Files.createDirectories(dir.resolve("real")).resolve("hosts");
        Files.move(hosts, real);
        Files.createSymbolicLink(hosts, real);
        assertThat(writer.write(block("a.docker.local"))).isTrue();
        assertThat(Files.isSymbolicLink(hosts)).isTrue();
        assertThat(Files.readString(real)).startsWith(USER_LINES).contains("127.0.0.1 a.docker.local\n");
    }
}
