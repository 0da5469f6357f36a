package com.orodc.workflow.certs;

import com.orodc.core.Reporter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The CA files a container mounts: what they hold, when they change, and that they hold no key. */
class ContainerTrustFilesTest {
    private static final String ROOT = "-----BEGIN CERTIFICATE-----\nMIIBOURROOT\n-----END CERTIFICATE-----\n";
    private static final String PUBLIC = "-----BEGIN CERTIFICATE-----\nMIIBPUBLIC1\n-----END CERTIFICATE-----\n";

    @TempDir
    Path dir;

    @Test
    void theBundleIsThePublicRootsThenOursAndTheIniPointsPhpAtIt() throws Exception {
        Path root = Files.writeString(dir.resolve("root-ca.pem"), ROOT);
        Path system = Files.writeString(dir.resolve("system.pem"), PUBLIC);
        Path out = dir.resolve("ca-trust");
        var files = new ContainerTrustFiles(out, List.of(dir.resolve("missing.pem"), system));

        assertThat(files.refresh(root, Reporter.SILENT)).isTrue();
        assertThat(Files.readString(out.resolve("ca-bundle.pem"))).isEqualTo(PUBLIC + "# OroDC Local CA\n" + ROOT);
        assertThat(Files.readString(out.resolve("root-ca.pem"))).isEqualTo(ROOT);
        assertThat(Files.readString(out.resolve("orodc-ca.ini")))
                .contains("openssl.cafile=/etc/orodc/ca/ca-bundle.pem\n", "curl.cainfo=/etc/orodc/ca/ca-bundle.pem\n");
        assertThat(Files.getPosixFilePermissions(out.resolve("ca-bundle.pem"))).isEqualTo(PosixFilePermissions.fromString("rw-r--r--"));
        try (var listing = Files.list(out)) {
            assertThat(listing.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("root-ca.pem", "ca-bundle.pem", "orodc-ca.ini");
        }

        // nothing changed: nothing written; a new root (rotate-ca) replaces ours in both files
        assertThat(files.refresh(root, Reporter.SILENT)).isFalse();
        String newRoot = ROOT.replace("OURROOT", "NEWROOT");
        Files.writeString(root, newRoot);
        assertThat(files.refresh(root, Reporter.SILENT)).isTrue();
        assertThat(Files.readString(out.resolve("ca-bundle.pem"))).isEqualTo(PUBLIC + "# OroDC Local CA\n" + newRoot).doesNotContain("OURROOT");
    }

    @Test
    void aRootTheMachineAlreadyTrustsIsNotAddedTwice() throws Exception {
        Path root = Files.writeString(dir.resolve("root-ca.pem"), ROOT);
        Path system = Files.writeString(dir.resolve("system.pem"), PUBLIC + ROOT);
        Path out = dir.resolve("ca-trust");
        new ContainerTrustFiles(out, List.of(system)).refresh(root, Reporter.SILENT);
        assertThat(Files.readString(out.resolve("ca-bundle.pem"))).isEqualTo(PUBLIC + ROOT);
    }

    @Test
    void withoutPublicRootsTheBundleHoldsOursAndSaysSo() throws Exception {
        Path root = Files.writeString(dir.resolve("root-ca.pem"), ROOT);
        Path out = dir.resolve("ca-trust");
        List<String> warnings = new ArrayList<>();
        new ContainerTrustFiles(out, List.of(dir.resolve("none.pem"))).refresh(root, (level, message) -> {
            if (level == Reporter.Level.WARN) {
                warnings.add(message);
            }
        });
        assertThat(Files.readString(out.resolve("ca-bundle.pem"))).isEqualTo("# OroDC Local CA\n" + ROOT);
        assertThat(warnings).singleElement().asString().contains("no bundle of public roots found").contains("only the OroDC Local CA");
    }
}
