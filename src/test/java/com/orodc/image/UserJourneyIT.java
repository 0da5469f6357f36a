package com.orodc.image;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.orodc.testing.CliDriver;
import com.orodc.testing.LocalImages;
import com.orodc.testing.LocalProcess;
import com.orodc.testing.PackagedCli;
import com.orodc.testing.ProxyFixture;
import com.orodc.testing.Shell;
import com.orodc.workflow.ProxySpecs;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a user does, in order, through the packaged orodc: build the proxy image, install it, use it,
 * break it, check it, stop it, remove it. The container runs the image's own {@code /init}
 * (s6-overlay), its rendered configuration and its service scripts.
 *
 * <p>Two ways, one scenario. By default, offline: orodc downloads from a local release server and
 * registry that serve the from-source s6-overlay 3.2.1.0 and SOCKS5 v0.0.4 builds, a busybox stand-in
 * for Alpine and a stand-in for Traefik (see {@link Upstream}); the steps that need Traefik's routing do
 * not run and are listed as such. With {@code -Dorodc.journey=internet} ({@code -Pe2e}): the real
 * downloads and every step. The test prints which steps ran.
 */
class UserJourneyIT {
    static final String INTERNET = "internet";
    private static final boolean REAL_TRAEFIK = INTERNET.equals(System.getProperty("orodc.journey"));
    private static final List<String> UPSTREAM_HOSTS = List.of("github.com", "registry-1.docker.io", "auth.docker.io");
    private static final String APP_HOST = "app.docker.local";
    private static final String APP_PAGE = "hello from the app";
    private static final String APP_API = "api of the app";
    /** Bash OroDC users' scripts expect a restarted Traefik to serve again within this. */
    private static final long SERVING_AGAIN_MS = 5_000;

    @TempDir
    Path home;

    private final String suffix = UUID.randomUUID().toString().substring(0, 8);
    private final String image = "orodc-t-journey-" + suffix + ":1";
    private final String app = "orodc-t-journey-app-" + suffix;
    private final int httpPort = LocalProcess.freePort();
    private final int httpsPort = LocalProcess.freePort();
    private final int socksPort = LocalProcess.freePort();
    private final List<String> ran = new ArrayList<>();
    private final List<String> notRun = new ArrayList<>();
    private OfflineUpstream served;

    @AfterEach
    void cleanUp() {
        Shell.run("docker", "rm", "-f", app);
        ProxyFixture.removeManagedProxy();
        Shell.run("docker", "image", "rm", "-f", image);
        if (served != null) {
            served.close();
        }
        System.err.println("UserJourneyIT (" + (REAL_TRAEFIK ? "real upstream" : "offline, stand-in Traefik") + "): ran "
                + ran.size() + " steps" + (notRun.isEmpty() ? "" : ", not run without the real Traefik: " + String.join("; ", notRun)));
    }

    @FunctionalInterface
    interface Check {
        void run() throws Exception;
    }

    private void step(String name, Check check) throws Exception {
        check.run();
        ran.add(name);
        System.err.println("UserJourneyIT step ran: " + name);
    }

    /** A step that needs Traefik to route by host name and path, which only the real one does. */
    private void routing(String name, Check check) throws Exception {
        if (REAL_TRAEFIK) {
            step(name, check);
        } else {
            notRun.add(name);
            System.err.println("UserJourneyIT step not run (needs the real Traefik): " + name);
        }
    }

    private CliDriver cli() {
        PackagedCli cli = new PackagedCli(home);
        cli.env("ORODC_PROXY_IMAGE", image)
                .env("TRAEFIK_BIND_PORT", Integer.toString(httpPort))
                .env("TRAEFIK_HTTPS_BIND_PORT", Integer.toString(httpsPort))
                .env("DC_PROXY_SOCKS5_PORT", Integer.toString(socksPort))
                .env("DC_PROXY_SOCKS5_ENABLED", "1");
        return cli;
    }

    @Test
    void buildInstallUseBreakCheckStopAndRemove() throws Exception {
        CliDriver builder = new PackagedCli(home);
        if (REAL_TRAEFIK) {
            upstreamReachable();
        } else {
            served = OfflineUpstream.start(Upstream.TraefikStandIn.SERVER);
            served.configure(builder);
        }
        ProxyFixture.removeManagedProxy();

        step("orodc proxy-image build --to docker", () ->
                builder.run("proxy-image", "build", "--to", "docker:" + image).assertSuccess());

        step("orodc install-proxy: healthy through /init, init-certs before Traefik before SOCKS5", () -> {
            cli().run("install-proxy").assertSuccess().assertOut("Proxy is healthy (created)");
            assertThat(exec("cat", "/proc/1/comm").strip()).as("PID 1 of the container").isEqualTo("s6-svscan");
            assertThat(exec("s6-rc", "-a", "list").lines()).contains("init-certs", "traefik", "socks5");
            String logs = logs();
            assertThat(logs).contains("init-certs: certificate, chain and key present");
            assertThat(logs.indexOf("init-certs: certificate")).as("init-certs runs before SOCKS5 starts")
                    .isLessThan(logs.indexOf("socks5: listening on port"));
            assertThat(exec("netstat", "-ltn")).as("SOCKS5 listens").contains(":" + socksPort + " ");
        });

        step("an app on " + ProxySpecs.NETWORK + " with routers on web and default", () -> {
            Shell.run("docker", "run", "-d", "--name", app, "--network", ProxySpecs.NETWORK, "--label", "orodc.test=true",
                    "--label", "traefik.enable=true",
                    "--label", "traefik.http.routers.journey-http.rule=Host(`" + APP_HOST + "`)",
                    "--label", "traefik.http.routers.journey-http.entrypoints=web",
                    "--label", "traefik.http.routers.journey-https.rule=Host(`" + APP_HOST + "`)",
                    "--label", "traefik.http.routers.journey-https.entrypoints=default",
                    "--label", "traefik.http.services.journey.loadbalancer.server.port=80",
                    LocalImages.busybox(), "sh", "-c", "mkdir -p /www/api && echo '" + APP_PAGE + "' > /www/index.html"
                            + " && echo '" + APP_API + "' > /www/api/x && exec httpd -f -p 80 -h /www").orFail();
            // install-proxy writes the running containers' names into the proxy, for SOCKS5
            cli().run("install-proxy").assertSuccess().assertOut("Proxy is healthy (up to date)");
            assertThat(exec("cat", "/etc/hosts")).contains("127.0.0.1 " + APP_HOST);
        });

        routing("the app over HTTP by its Host header", () ->
                assertThat(curl("-H", "Host: " + APP_HOST, http("/"))).contains(APP_PAGE));
        routing("the app over HTTPS with our root, no router-level tls label", () ->
                assertThat(curl("--cacert", root(), "--resolve", APP_HOST + ":" + httpsPort + ":127.0.0.1",
                        "https://" + APP_HOST + ":" + httpsPort + "/")).contains(APP_PAGE));
        routing("the app's /api/x reaches the app, not Traefik's API", () ->
                assertThat(curl("-H", "Host: " + APP_HOST, http("/api/x"))).contains(APP_API));
        routing("the dashboard on proxy.docker.local and on 127.0.0.1/traefik/dashboard/", () -> {
            assertThat(curl("-H", "Host: proxy.docker.local", http("/dashboard/"))).containsIgnoringCase("traefik");
            assertThat(curl(http("/traefik/dashboard/"))).containsIgnoringCase("traefik");
        });
        step("ping on 127.0.0.1 (bash OroDC's check) and over HTTPS with our root", () -> {
            assertThat(curl(http("/ping"))).isEqualTo("OK");
            assertThat(curl("--cacert", root(), "--resolve", "proxy.docker.local:" + httpsPort + ":127.0.0.1",
                    "https://proxy.docker.local:" + httpsPort + "/ping")).isEqualTo("OK");
        });

        step("SOCKS5 resolves names inside the proxy", () ->
                assertThat(curl("--socks5-hostname", "127.0.0.1:" + socksPort, "http://proxy.docker.local/ping")).isEqualTo("OK"));
        routing("SOCKS5 reaches the app by its name", () ->
                assertThat(curl("--socks5-hostname", "127.0.0.1:" + socksPort, "http://" + APP_HOST + "/")).contains(APP_PAGE));
        step("SOCKS5 with a login: refused without it and with a wrong one, accepted with it", () -> {
            CliDriver withLogin = cli().env("DC_PROXY_SOCKS5_USER", "dev").env("DC_PROXY_SOCKS5_PASS", "s3cret");
            withLogin.run("install-proxy").assertSuccess().assertOut("(login required)");
            String ping = "http://proxy.docker.local/ping";
            assertThat(curlExit("--socks5-hostname", "127.0.0.1:" + socksPort, ping)).as("no login").isNotZero();
            assertThat(curlExit("--socks5-hostname", "127.0.0.1:" + socksPort, "--proxy-user", "dev:wrong", ping)).as("wrong login").isNotZero();
            assertThat(curl("--socks5-hostname", "127.0.0.1:" + socksPort, "--proxy-user", "dev:s3cret", ping)).isEqualTo("OK");
        });

        step("Traefik killed inside: s6 serves again within " + SERVING_AGAIN_MS / 1000 + " s", () -> {
            String before = exec("s6-svstat", "-o", "pid", "/run/service/traefik").strip();
            assertThat(before).matches("[1-9][0-9]*");
            exec("kill", "-s", "KILL", "-" + before);
            long killed = System.nanoTime();
            boolean serving = false;
            while (!serving && System.nanoTime() - killed < (SERVING_AGAIN_MS + 1_000) * 1_000_000) {
                serving = curlExit("-o", "/dev/null", "--max-time", "1", http("/ping")) == 0
                        && !exec("s6-svstat", "-o", "pid", "/run/service/traefik").strip().equals(before);
                if (!serving) {
                    Thread.sleep(100);
                }
            }
            long ms = (System.nanoTime() - killed) / 1_000_000;
            System.err.println("UserJourneyIT: serving again " + ms + " ms after the kill");
            assertThat(serving).as("serving again").isTrue();
            assertThat(ms).as("ms until serving again").isLessThanOrEqualTo(SERVING_AGAIN_MS);
        });

        step("SOCKS5 disabled: nothing listens on its port, the container is healthy", () -> {
            cli().env("DC_PROXY_SOCKS5_ENABLED", "0").run("install-proxy").assertSuccess().assertOut("Proxy is healthy (recreated)");
            assertThat(ProxyFixture.inspect("{{.State.Health.Status}}")).isEqualTo("healthy");
            assertThat(exec("netstat", "-ltn")).doesNotContain(":" + socksPort + " ");
            assertThat(logs()).contains("socks5: disabled");
        });

        step("certificates missing: the container stops with init-certs' line", () -> {
            Path served = home.resolve("proxy/certs/leaf.pem");
            Path away = home.resolve("leaf.pem.away");
            Files.move(served, away);
            try {
                Shell.run("docker", "restart", "-t", Long.toString(ProxySpecs.STOP_TIMEOUT.toSeconds()), ProxySpecs.CONTAINER).orFail();
                String line = "init-certs: cannot serve HTTPS from /etc/traefik/certs: leaf.pem is missing";
                boolean stopped = false;
                for (int i = 0; i < 60 && !stopped; i++) {
                    stopped = logs().contains(line) && !ProxyFixture.inspect("{{.State.Status}} {{.RestartCount}}").equals("running 0");
                    if (!stopped) {
                        Thread.sleep(500);
                    }
                }
                assertThat(stopped).as("stopped with: " + line + "\n" + logs()).isTrue();
                assertThat(curlExit("-o", "/dev/null", "--max-time", "2", http("/ping"))).as("nothing serves").isNotZero();
            } finally {
                Files.move(away, served, StandardCopyOption.REPLACE_EXISTING);
            }
            cli().env("DC_PROXY_SOCKS5_ENABLED", "0").run("install-proxy").assertSuccess();
        });

        step("orodc proxy-status: exit 0, every proxy check OK", () -> {
            var status = cli().env("DC_PROXY_SOCKS5_ENABLED", "0").run("proxy-status", "--json").assertSuccess();
            JsonNode doc = new ObjectMapper().readTree(status.out());
            Map<String, String> levels = new TreeMap<>();
            doc.path("checks").forEach(c -> levels.put(c.path("id").asText(), c.path("status").asText()));
            List<String> mustBeOk = new ArrayList<>(List.of("docker", "container", "image", "health", "ports", "ping", "tls",
                    "leaf", "root-ca", "services"));
            // the stand-in has no API to list routers
            if (REAL_TRAEFIK) {
                mustBeOk.add("routers");
            }
            for (String id : mustBeOk) {
                assertThat(levels.get(id)).as(id + " in " + status.out()).isEqualTo("OK");
            }
            // this machine neither trusts the test's root nor runs the hosts sync service: warnings, never failures
            assertThat(levels).as(status.out()).doesNotContainValue("FAIL");
        });

        step("orodc proxy down: stopped within the stop timeout, not killed", () -> {
            String id = ProxyFixture.inspect("{{.Id}}");
            long since = System.currentTimeMillis() / 1000 - 1;
            long start = System.nanoTime();
            cli().run("proxy", "down").assertSuccess();
            long ms = (System.nanoTime() - start) / 1_000_000;
            System.err.println("UserJourneyIT: proxy down took " + ms + " ms");
            assertThat(ms).isLessThan(ProxySpecs.STOP_TIMEOUT.toMillis());
            // the engine records events a moment after they happen: up to 5 s for the stop's die event
            String exit = "";
            for (int i = 0; i < 20 && exit.isEmpty(); i++) {
                exit = Shell.run("docker", "events", "--since", Long.toString(since), "--until", "0s", "--filter", "container=" + id,
                        "--filter", "event=die", "--format", "{{.Actor.Attributes.exitCode}}").orFail().out().strip();
                if (exit.isEmpty()) {
                    Thread.sleep(250);
                }
            }
            String all = Shell.run("docker", "events", "--since", Long.toString(since), "--until", "0s", "--filter", "container=" + id,
                    "--format", "{{.Time}} {{.Action}} {{.Actor.Attributes.exitCode}}").out();
            assertThat(exit).as("exit code of the stop; since %d the events were:%n%s", since, all).isNotEmpty().isNotEqualTo("137");
        });

        step("orodc uninstall-proxy --purge leaves nothing behind", () -> {
            Shell.run("docker", "rm", "-f", app).orFail();
            var purged = cli().run("uninstall-proxy", "--purge").assertSuccess();
            assertThat(Shell.run("docker", "inspect", ProxySpecs.CONTAINER).exitCode()).isNotZero();
            try (var left = Files.list(home)) {
                assertThat(left.map(p -> p.getFileName().toString())).as("left in ORODC_HOME").isEmpty();
            }
            if (Shell.run("docker", "network", "inspect", ProxySpecs.NETWORK).exitCode() == 0) {
                // created by another install on this engine (an earlier test's), or used by others
                purged.assertErr("Network " + ProxySpecs.NETWORK + " kept: ");
            }
        });
    }

    private void upstreamReachable() {
        for (String host : UPSTREAM_HOSTS) {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress(host, 443), 3000);
            } catch (IOException e) {
                String reason = host + ":443 is unreachable (" + e.getClass().getSimpleName() + "): the e2e profile needs the internet";
                if ("1".equals(System.getenv("ORODC_E2E_REQUIRED"))) {
                    throw new AssertionError(reason + " (ORODC_E2E_REQUIRED=1)");
                }
                System.err.println("UserJourneyIT skipped: " + reason);
                Assumptions.abort(reason);
            }
        }
    }

    private String root() {
        return home.resolve("certs/root-ca.pem").toString();
    }

    private String http(String path) {
        return "http://127.0.0.1:" + httpPort + path;
    }

    private static String exec(String... command) {
        List<String> args = new ArrayList<>(List.of("docker", "exec", ProxySpecs.CONTAINER));
        args.addAll(List.of(command));
        return Shell.run(args).orFail().out();
    }

    private static String logs() {
        Shell.Result r = Shell.run("docker", "logs", ProxySpecs.CONTAINER);
        return r.out() + r.err();
    }

    private static int curlExit(String... args) {
        List<String> command = new ArrayList<>(List.of("curl", "-sS", "--max-time", "5"));
        command.addAll(List.of(args));
        return Shell.run(command).exitCode();
    }

    /** The body, once curl succeeds: Traefik picks up new containers within a few seconds (30 tries, 0.5 s apart). */
    private static String curl(String... args) throws InterruptedException {
        List<String> command = new ArrayList<>(List.of("curl", "-sS", "--fail", "--max-time", "5"));
        command.addAll(List.of(args));
        Shell.Result last = null;
        for (int i = 0; i < 30; i++) {
            last = Shell.run(command);
            if (last.exitCode() == 0) {
                return last.out().strip();
            }
            Thread.sleep(500);
        }
        return "curl exit " + last.exitCode() + ": " + last.err();
    }
}
