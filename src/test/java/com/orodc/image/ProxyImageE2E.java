package com.orodc.image;

import com.orodc.testing.InProcessCli;
import com.orodc.testing.Shell;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Internet only ({@code -Pe2e}): the image from the real Alpine, Traefik, s6-overlay and SOCKS5 downloads,
 * run with Traefik's ping, HTTPS with a local CA and the SOCKS5 server checked by curl.
 */
class ProxyImageE2E {
    private static final List<String> UPSTREAM = List.of("github.com", "registry-1.docker.io", "auth.docker.io");

    private final List<String> containers = new ArrayList<>();
    private final List<String> images = new ArrayList<>();

    @BeforeEach
    void upstreamReachable() {
        for (String host : UPSTREAM) {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress(host, 443), 3000);
            } catch (IOException e) {
                String reason = "skipped: " + host + ":443 is unreachable (" + e.getClass().getSimpleName()
                        + "); the e2e profile needs the internet";
                System.err.println("ProxyImageE2E " + reason);
                Assumptions.abort(reason);
            }
        }
    }

    @AfterEach
    void cleanUp() {
        containers.forEach(c -> Shell.run("docker", "rm", "-f", c));
        images.forEach(i -> Shell.run("docker", "image", "rm", "-f", i));
    }

    @Test
    void theRealImageServesPingHttpsWithOurCaAndSocks5(@TempDir Path home, @TempDir Path dir) throws IOException {
        String name = "orodc-t-image-e2e-" + UUID.randomUUID().toString().substring(0, 8) + ":1";
        images.add(name);
        new InProcessCli(home).run("proxy-image", "build", "--to", "docker:" + name).assertSuccess();

        Path certs = Files.createDirectories(dir.resolve("certs"));
        Shell.run("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj", "/CN=orodc e2e CA",
                "-keyout", certs.resolve("ca.key").toString(), "-out", certs.resolve("ca.pem").toString()).orFail();
        Shell.run("openssl", "req", "-newkey", "rsa:2048", "-nodes", "-subj", "/CN=app.docker.local",
                "-keyout", certs.resolve("leaf.key").toString(), "-out", certs.resolve("leaf.csr").toString()).orFail();
        Files.writeString(certs.resolve("ext.cnf"), "subjectAltName=DNS:app.docker.local\nextendedKeyUsage=serverAuth\n");
        Shell.run("openssl", "x509", "-req", "-in", certs.resolve("leaf.csr").toString(), "-CA", certs.resolve("ca.pem").toString(),
                "-CAkey", certs.resolve("ca.key").toString(), "-CAcreateserial", "-days", "2", "-extfile", certs.resolve("ext.cnf").toString(),
                "-out", certs.resolve("leaf.pem").toString()).orFail();
        Files.writeString(certs.resolve("dynamic.yml"), """
                tls:
                  certificates:
                    - certFile: /certs/leaf.pem
                      keyFile: /certs/leaf.key
                http:
                  routers:
                    app:
                      rule: Host(`app.docker.local`)
                      entryPoints: [default]
                      service: ping@internal
                      tls: {}
                """);
        Shell.run("chmod", "-R", "a+rX", certs.toString()).orFail();

        String container = "orodc-t-image-e2e-" + UUID.randomUUID().toString().substring(0, 8);
        containers.add(container);
        Shell.run("docker", "run", "-d", "--name", container, "--label", "orodc.test=true",
                "-p", "127.0.0.1::80", "-p", "127.0.0.1::443", "-p", "127.0.0.1::1080", "-v", certs + ":/certs:ro",
                "--entrypoint", "/bin/sh", name, "-c",
                "/usr/local/bin/socks5 & exec /usr/local/bin/traefik --ping=true --ping.entryPoint=web "
                        + "--entryPoints.web.address=:80 --entryPoints.default.address=:443 "
                        + "--providers.file.filename=/certs/dynamic.yml").orFail();
        String http = port(container, 80);
        String https = port(container, 443);
        String socks = port(container, 1080);

        assertThat(curlUntilOk("-s", "http://127.0.0.1:" + http + "/ping")).isEqualTo("OK");
        assertThat(curlUntilOk("-s", "--cacert", certs.resolve("ca.pem").toString(),
                "--resolve", "app.docker.local:" + https + ":127.0.0.1", "https://app.docker.local:" + https + "/ping")).isEqualTo("OK");
        assertThat(curlUntilOk("-s", "--socks5-hostname", "127.0.0.1:" + socks, "http://localhost:80/ping")).isEqualTo("OK");
    }

    private static String port(String container, int port) {
        String out = Shell.run("docker", "port", container, port + "/tcp").orFail().out().lines().findFirst().orElseThrow();
        return out.substring(out.lastIndexOf(':') + 1).strip();
    }

    /** Traefik needs a moment after the container starts: up to 30 tries, one a second. */
    private static String curlUntilOk(String... args) {
        List<String> command = new ArrayList<>(List.of("curl", "--max-time", "5"));
        command.addAll(List.of(args));
        Shell.Result last = null;
        for (int i = 0; i < 30; i++) {
            last = Shell.run(command);
            if (last.exitCode() == 0 && last.out().strip().equals("OK")) {
                return "OK";
            }
            try {
                Thread.sleep(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return last == null ? "" : last.out() + last.err();
    }
}
