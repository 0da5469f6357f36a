package com.orodc.certs;

import com.orodc.testing.PackagedCli;
import com.orodc.testing.Shell;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Permission problems as a normal user meets them. Root reads and writes everything, so when the tests run as
 * root the packaged application runs as the unprivileged user 'nobody' (setpriv), in a directory it owns.
 */
class CertificatePermissionsIT {
    private static final boolean ROOT = "root".equals(System.getProperty("user.name"));

    private Path home;
    private CertFiles files;

    @BeforeEach
    void issueAsTheUser() throws Exception {
        home = Files.createTempDirectory(Path.of("/tmp"), "orodc-perm", PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
        if (ROOT) {
            Shell.run("chown", "nobody", home.toString()).orFail();
        }
        files = new CertFiles(home.resolve("certs"));
        var r = orodc("proxy", "install-certs");
        assertThat(r.exitCode()).as(r.out() + r.err()).isZero();
    }

    @AfterEach
    void removeHome() {
        Shell.run("rm", "-rf", home.toString());
    }

    private Shell.Result orodc(String... args) {
        List<String> cmd = new ArrayList<>();
        if (ROOT) {
            cmd.addAll(List.of("setpriv", "--reuid=nobody", "--regid=nogroup", "--clear-groups"));
        }
        cmd.addAll(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", PackagedCli.appJar().toString()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(home.toFile());
        pb.environment().clear();
        pb.environment().putAll(Map.of("PATH", "/usr/bin:/bin", "HOME", home.toString(), "ORODC_HOME", home.toString(), "USER", "nobody"));
        return Shell.run(pb, 120);
    }

    /** Bytes and modes of every file: what "nothing changed" means. */
    private Map<String, String> snapshot() throws IOException {
        Map<String, String> state = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(files.dir())) {
            for (Path p : walk.toList()) {
                String mode = PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
                state.put(p.toString(), mode + (Files.isRegularFile(p) ? " " + Arrays.hashCode(Files.readAllBytes(p)) : ""));
            }
        }
        return state;
    }

    private void refused(String message) {
        var r = orodc("proxy", "install-certs");
        assertThat(r.exitCode()).as(r.out() + r.err()).isEqualTo(4);
        assertThat(r.err().strip().lines()).hasSize(1);
        assertThat(r.err()).contains(message);
    }

    @Test
    void anUnreadableKey() throws Exception {
        Files.setPosixFilePermissions(files.leafKey(), PosixFilePermissions.fromString("---------"));
        Map<String, String> before = snapshot();
        refused("cannot read " + files.leafKey() + ": permission denied");
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void anUnreadableDirectory() throws Exception {
        Files.setPosixFilePermissions(files.dir(), PosixFilePermissions.fromString("-wx------"));
        try {
            refused("cannot read " + files.dir() + ": permission denied");
        } finally {
            Files.setPosixFilePermissions(files.dir(), PosixFilePermissions.fromString("rwx------"));
        }
    }

    @Test
    void aDirectoryThatCannotBeWritten() throws Exception {
        // a new leaf pair is due (a leaf.key left alone would be refused as someone's key: exit 5)
        Files.delete(files.leafCert());
        Files.delete(files.leafKey());
        Files.setPosixFilePermissions(files.dir(), PosixFilePermissions.fromString("r-x------"));
        try {
            Map<String, String> before = snapshot();
            refused("cannot write in " + files.dir() + ": permission denied");
            assertThat(snapshot()).isEqualTo(before);
        } finally {
            Files.setPosixFilePermissions(files.dir(), PosixFilePermissions.fromString("rwx------"));
        }
    }
}
