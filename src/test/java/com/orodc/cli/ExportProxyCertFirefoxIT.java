package com.orodc.cli;

import com.orodc.certs.trust.TestCa;
import com.orodc.testing.CliResult;
import com.orodc.testing.InProcessCli;
import com.orodc.testing.Shell;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A profile made by a real Firefox ESR: with no {@code ~/.mozilla} in its HOME, Firefox puts it under
 * {@code ~/.config/mozilla/firefox}. {@code --install --store nss} must find it and trust the root in it.
 */
class ExportProxyCertFirefoxIT {
    @TempDir
    Path orodcHome;
    @TempDir
    Path work;

    @Test
    void theProfileFirefoxCreatesUnderTheXdgConfigFolderIsTrusted() throws Exception {
        String browser = Shell.available("firefox-esr") ? "firefox-esr" : "firefox";
        // as every tool the tests need: missing is a failure that names the install, never a skip
        assertThat(Shell.available(browser)).as("no firefox-esr or firefox on PATH: run .ci/install-deps test"
                + " (Debian's firefox-esr; on Ubuntu, install Firefox from outside the snap)").isTrue();
        TestCa ca = TestCa.create(work.resolve("ca"), "OroDC Firefox Test Root");
        ca.installAsOrodcRoot(orodcHome);
        Path userHome = Files.createDirectories(work.resolve("home"));
        ProcessBuilder firefox = new ProcessBuilder(browser, "--headless", "--screenshot",
                work.resolve("shot.png").toString(), "about:blank").directory(work.toFile());
        firefox.environment().put("HOME", userHome.toString());
        Shell.run(firefox, 90).orFail();
        Path profile = profileWithDatabase(userHome.resolve(".config/mozilla/firefox"));
        assertThat(userHome.resolve(".mozilla")).doesNotExist();

        CliResult install = new InProcessCli(orodcHome).env("HOME", userHome.toString())
                .run("export-proxy-cert", "--install", "--store", "nss").assertSuccess()
                .assertOut("nss      " + profile + ": trusted");
        assertThat(install.err()).doesNotContain("error");
        assertThat(Shell.run("certutil", "-L", "-d", "sql:" + profile).orFail().out()).containsPattern("orodc-local-ca-[0-9a-f]{16} +C,,");

        new InProcessCli(orodcHome).env("HOME", userHome.toString()).run("export-proxy-cert", "--status")
                .assertSuccess().assertOut("nss      " + profile + ": trusted");
    }

    private static Path profileWithDatabase(Path root) throws Exception {
        try (Stream<Path> entries = Files.list(root)) {
            List<Path> withDb = entries.filter(p -> Files.isRegularFile(p.resolve("cert9.db"))).toList();
            assertThat(withDb).as("profiles with cert9.db under %s", root).hasSize(1);
            return withDb.get(0);
        }
    }
}
