package com.orodc.workflow.status;

import com.orodc.certs.trust.RootCertificate;
import com.orodc.certs.trust.TestCa;
import com.orodc.core.ConfigResolver;
import com.orodc.core.OrodcConfig;
import com.orodc.testing.FakeWsl;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The proxy-status checks of WSL 2 on a fake distribution tree, with the stand-in certutil.exe on PATH (nothing of
 * Windows runs here).
 */
class WslChecksTest {
    @TempDir
    Path dir;
    FakeWsl wsl;
    Path root;
    Path linuxHosts;

    @BeforeEach
    void setUp() throws Exception {
        wsl = new FakeWsl(dir);
        root = TestCa.create(Files.createDirectories(dir.resolve("ca")), "OroDC Local CA").rootCert();
        linuxHosts = dir.resolve("etc-hosts");
        Files.writeString(linuxHosts, "127.0.0.1 localhost\n# OroDC Auto DNS - START\n127.0.0.1 a.docker.local\n"
                + "127.0.0.1 b.docker.local\n# OroDC Auto DNS - END\n");
    }

    private List<StatusCheck> checks(Map<String, String> environment) {
        OrodcConfig config = new ConfigResolver(environment, dir).resolve(Map.of());
        return new WslChecks(config, wsl.environment()).all(root, linuxHosts);
    }

    private static StatusCheck byId(List<StatusCheck> checks, String id) {
        return checks.stream().filter(c -> c.id().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void anOlderOrodcCaOnWindowsIsAFailureNamingBothThumbprints() throws Exception {
        Path older = TestCa.create(Files.createDirectories(dir.resolve("old")), "OroDC Local CA").rootCert();
        String oldThumb = RootCertificate.read(older).thumbprint();
        Files.writeString(wsl.certStore, oldThumb + "|CN=OroDC Local CA\n");

        StatusCheck trust = byId(checks(Map.of()), "windows-trust");

        assertThat(trust.level()).isEqualTo(StatusCheck.Level.FAIL);
        assertThat(trust.detail()).contains("Windows trusts another OroDC CA (thumbprint " + oldThumb + "), not this one ("
                + RootCertificate.read(root).thumbprint() + ")");
        assertThat(trust.fix()).isEqualTo(WslChecks.FIX_TRUST);
    }

    @Test
    void theWindowsBlockIsComparedWithTheLinuxOne() throws Exception {
        assertThat(byId(checks(Map.of()), "windows-hosts").level()).as("no block yet").isEqualTo(StatusCheck.Level.WARN);

        Files.writeString(wsl.windowsHosts, "# OroDC Auto DNS - START\r\n127.0.0.1 a.docker.local old.docker.local\r\n"
                + "# OroDC Auto DNS - END\r\n", StandardCharsets.ISO_8859_1, StandardOpenOption.APPEND);
        StatusCheck drift = byId(checks(Map.of()), "windows-hosts");
        assertThat(drift.level()).isEqualTo(StatusCheck.Level.WARN);
        assertThat(drift.detail()).isEqualTo("drift from " + linuxHosts + ": missing on Windows [b.docker.local], only on Windows [old.docker.local]");

        Files.writeString(wsl.windowsHosts, FakeWsl.WINDOWS_HOSTS + "# OroDC Auto DNS - START\r\n127.0.0.1 a.docker.local b.docker.local\r\n"
                + "# OroDC Auto DNS - END\r\n", StandardCharsets.ISO_8859_1);
        StatusCheck same = byId(checks(Map.of()), "windows-hosts");
        assertThat(same.level()).isEqualTo(StatusCheck.Level.OK);
        assertThat(same.detail()).isEqualTo("2 names in C:\\Windows\\System32\\drivers\\etc\\hosts, the same as in " + linuxHosts);
    }

    @Test
    void aBindAddressWindowsCannotReachIsNamedWithTheFix() {
        StatusCheck loopback = byId(checks(Map.of()), "windows-ports");
        assertThat(loopback.level()).isEqualTo(StatusCheck.Level.OK);
        assertThat(loopback.detail()).isEqualTo("127.0.0.1:8880 and :8443 reach Windows through WSL's localhost forwarding");

        StatusCheck lan = byId(checks(Map.of("TRAEFIK_BIND_ADDRESS", "172.24.1.9")), "windows-ports");
        assertThat(lan.level()).isEqualTo(StatusCheck.Level.WARN);
        assertThat(lan.detail()).isEqualTo("172.24.1.9 cannot be reached from Windows through localhost, where the Windows hosts file points the names");
        assertThat(lan.fix()).isEqualTo("set TRAEFIK_BIND_ADDRESS=127.0.0.1 (the default), then orodc install-proxy");
    }

    @Test
    void offWslThereAreNoWslChecks() {
        wsl.notWsl();
        assertThat(checks(Map.of())).isEmpty();
        assertThat(wsl.calls()).isEmpty();
    }

    @Test
    void theWslLineSaysWhatWasDetected() {
        assertThat(byId(checks(Map.of()), "wsl").detail())
                .isEqualTo("WSL 2 (distribution Ubuntu-24.04), Windows drives under /mnt/, Windows programs can run");
    }
}
