package com.orodc.cli;

import com.orodc.certs.trust.TestCa;
import com.orodc.testing.CliResult;
import com.orodc.testing.HostTools;
import com.orodc.testing.InProcessCli;
import com.orodc.testing.LocalProcess;
import com.orodc.testing.Shell;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A real browser: headless Chromium reads the NSS database of its HOME. Before {@code --install --store nss}
 * it refuses the site's certificate; after it, it shows the page.
 */
class ExportProxyCertChromiumIT {
    private static final String MARKER = "orodc-trust-page-7f3a";

    @TempDir
    Path orodcHome;
    @TempDir
    Path work;

    TestCa ca;
    Path userHome;
    Process server;
    int port;

    @BeforeEach
    void serveTheLeafWithItsChain() throws Exception {
        ca = TestCa.create(work.resolve("ca"), "OroDC Browser Test Root");
        ca.installAsOrodcRoot(orodcHome);
        userHome = Files.createDirectories(work.resolve("home"));
        Path nssDb = Files.createDirectories(userHome.resolve(".pki/nssdb"));
        Shell.run("certutil", "-N", "-d", "sql:" + nssDb, "--empty-password").orFail();

        Path site = Files.createDirectories(work.resolve("site"));
        Files.writeString(site.resolve("index.html"), "<html><body><p>" + MARKER + "</p></body></html>\n");
        port = LocalProcess.freePort();
        server = new ProcessBuilder("openssl", "s_server", "-quiet", "-accept", "127.0.0.1:" + port,
                "-cert", ca.leafCert().toString(), "-key", ca.leafKey().toString(),
                "-cert_chain", ca.intermediateCert().toString(), "-WWW")
                .directory(site.toFile()).redirectErrorStream(true)
                .redirectOutput(work.resolve("s_server.log").toFile()).start();
        waitUntilListening(port);
    }

    @AfterEach
    void stopServer() throws InterruptedException {
        if (server != null) {
            server.destroy();
            server.waitFor();
        }
    }

    @Test
    void chromiumTrustsTheSiteOnlyAfterInstall() {
        Shell.Result before = chromium();
        assertThat(before.out()).doesNotContain(MARKER);
        assertThat(before.err()).contains("ERR_CERT_AUTHORITY_INVALID");

        CliResult install = new InProcessCli(orodcHome).env("HOME", userHome.toString())
                .run("export-proxy-cert", "--install", "--store", "nss").assertSuccess()
                .assertOut("nss      " + userHome.resolve(".pki/nssdb") + ": trusted");
        assertThat(install.out().lines()).hasSize(1);

        Shell.Result after = chromium();
        assertThat(after.out()).as("page; stderr:%n%s", after.err()).contains(MARKER);
        assertThat(after.err()).doesNotContain("ERR_CERT");
    }

    /**
     * One page load. Docker adding or removing a container's network interface meanwhile makes Chromium drop the
     * load with ERR_NETWORK_CHANGED, which says nothing about certificates: that alone is tried again (bounded).
     */
    private Shell.Result chromium() {
        Shell.Result result = load();
        for (int attempt = 1; attempt < 3 && result.err().contains("ERR_NETWORK_CHANGED"); attempt++) {
            result = load();
        }
        return result;
    }

    private Shell.Result load() {
        Path profile = work.resolve("profile-" + System.nanoTime());
        return Shell.run(List.of("env", "HOME=" + userHome, HostTools.chromium(), "--headless", "--no-sandbox", "--disable-gpu",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + profile,
                "--host-resolver-rules=MAP " + TestCa.LEAF_NAME + " 127.0.0.1,MAP * ~NOTFOUND",
                "--dump-dom", "https://" + TestCa.LEAF_NAME + ":" + port + "/index.html"), work, 90);
    }


    private void waitUntilListening(int p) throws InterruptedException {
        for (int i = 0; i < 100; i++) {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", p), 200);
                return;
            } catch (IOException notYet) {
                if (!server.isAlive()) {
                    break;
                }
                Thread.sleep(100);
            }
        }
        throw new AssertionError("openssl s_server did not listen on " + p);
    }
}
