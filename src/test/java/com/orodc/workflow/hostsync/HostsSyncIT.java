package com.orodc.workflow.hostsync;

import com.orodc.core.Reporter;
import com.orodc.docker.LabelledContainers;
import com.orodc.hosts.HostsBlock;
import com.orodc.hosts.HostsFileText;
import com.orodc.testing.FakeWsl;
import com.orodc.testing.Await;
import com.orodc.testing.Shell;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/** The daemon against the real Docker engine, writing a temporary hosts file. */
class HostsSyncIT {
    private static final String USER_LINES = "127.0.0.1 localhost\n# mine\n";

    @TempDir
    Path dir;
    Path hosts;
    String suffix;
    final List<String> log = Collections.synchronizedList(new ArrayList<>());
    final Reporter reporter = (level, message) -> log.add(level + " " + message);
    LabelledContainers containers;
    HostsSync sync;

    @BeforeEach
    void setUp() throws Exception {
        hosts = dir.resolve("hosts");
        Files.writeString(hosts, USER_LINES);
        // a suffix of this test alone: names of other containers on the engine never match it
        suffix = LabelledContainers.randomSuffix() + ".orodc-test.local";
        containers = new LabelledContainers();
    }

    @AfterEach
    void tearDown() throws Exception {
        if (sync != null) {
            sync.close();
        }
        containers.close();
    }

    HostsSyncRequest request(Map<String, String> environment, Optional<String> proxy) {
        return new HostsSyncRequest(List.of(suffix), hosts, false, proxy, dir.resolve("state/dns-sync.json"),
                environment, HostsSyncRequest.Timing.DEFAULT);
    }

    HostsSync daemon(Map<String, String> environment, Optional<String> proxy) {
        sync = new HostsSync(request(environment, proxy), reporter);
        sync.start();
        return sync;
    }

    String name(String label) {
        return label + "." + suffix;
    }

    SortedSet<String> namesInFile() throws Exception {
        return HostsFileText.parse(Files.readAllBytes(hosts), hosts.toString()).blockNames();
    }

    static void await(String what, long seconds, BooleanSupplier condition) throws Exception {
        Await.until(what, seconds, 20, condition);
    }

    void awaitNames(Set<String> expected) throws Exception {
        await("hosts file names " + expected + "; log: " + log + "; stats " + (sync == null ? "" : sync.stats()), 30, () -> {
            try {
                return namesInFile().equals(new TreeSet<>(expected));
            } catch (Exception e) {
                return false;
            }
        });
    }

    /** A change is logged right after it is written: wait for the line rather than race it. */
    void awaitLog(String... lines) throws Exception {
        await("log lines " + List.of(lines) + " in " + log, 10, () -> log.containsAll(List.of(lines)));
    }

    /** In WSL 2 (a fake distribution tree: nothing of Windows runs here) the Windows hosts file gets the same names. */
    @Test
    void inWsl2TheWindowsHostsFileGetsTheSameNamesInItsOwnFormat() throws Exception {
        FakeWsl wsl = new FakeWsl(dir);
        HostsSyncRequest request = new HostsSyncRequest(List.of(suffix), hosts, false, Optional.empty(),
                dir.resolve("state/dns-sync.json"), System.getenv(), HostsSyncRequest.Timing.DEFAULT, Optional.of(wsl.windowsHosts));
        sync = new HostsSync(request, reporter);
        sync.start();
        List<String> many = new ArrayList<>();
        for (int i = 0; i < 11; i++) {
            many.add(name("n" + i));
        }
        String c = containers.start("many", Map.of("orodc.dns.hostname", String.join(",", many)));
        awaitNames(new TreeSet<>(many));
        await("the Windows file has the names; log: " + log, 30, () -> {
            try {
                return HostsFileText.parse(Files.readAllBytes(wsl.windowsHosts), "hosts").blockNames().equals(new TreeSet<>(many));
            } catch (Exception e) {
                return false;
            }
        });
        String windows = Files.readString(wsl.windowsHosts, java.nio.charset.StandardCharsets.ISO_8859_1);
        assertThat(windows).startsWith(FakeWsl.WINDOWS_HOSTS);
        assertThat(windows.replace("\r\n", "")).as("CRLF only").doesNotContain("\n");
        assertThat(windows.lines().filter(l -> l.startsWith("127.0.0.1 ")).map(l -> l.split(" ").length - 1))
                .as("9 names, then 2").containsExactly(9, 2);
        assertThat(windows).doesNotContain("::1 " + name("n0"));

        containers.kill(c);
        awaitNames(Set.of());
        await("the Windows block emptied", 30, () -> {
            try {
                return HostsFileText.parse(Files.readAllBytes(wsl.windowsHosts), "hosts").blockNames().isEmpty();
            } catch (Exception e) {
                return false;
            }
        });
        assertThat(Files.readString(wsl.windowsHosts, java.nio.charset.StandardCharsets.ISO_8859_1)).startsWith(FakeWsl.WINDOWS_HOSTS);
    }

    @Test
    void labelledContainersAppearAndStoppedOnesDisappear() throws Exception {
        daemon(System.getenv(), Optional.empty());
        String a = containers.start("a", Map.of("orodc.dns.hostname", name("a") + "," + name("shared")));
        String b = containers.start("b", Map.of("orodc.dns.hostname", name("Shared"),
                "traefik.enable", "true",
                "traefik.http.routers.b.rule", "Host(`" + name("b") + "`) || Host(`" + name("b-api") + "`, `" + name("b-admin") + "`)"));
        awaitNames(Set.of(name("a"), name("shared"), name("b"), name("b-api"), name("b-admin")));

        String content = Files.readString(hosts);
        assertThat(content).startsWith(USER_LINES);
        assertThat(content.lines().filter(l -> l.equals("127.0.0.1 " + name("shared")))).hasSize(1);
        assertThat(content.lines().filter(l -> l.equals("::1 " + name("shared")))).hasSize(1);
        awaitLog("INFO + " + name("a") + " (" + a + ")", "INFO + " + name("b") + " (" + b + ")");

        containers.kill(a);
        awaitNames(Set.of(name("shared"), name("b"), name("b-api"), name("b-admin")));
        containers.remove(b);
        awaitNames(Set.of());
        awaitLog("INFO - " + name("a"), "INFO - " + name("shared"));
        assertThat(Files.readString(hosts)).isEqualTo(USER_LINES + HostsBlock.START + "\n" + HostsBlock.END + "\n");
    }

    @Test
    void injectionsAndNamesOutsideTheSuffixesAreRejectedAndLoggedOnce() throws Exception {
        daemon(System.getenv(), Optional.empty());
        String evil = containers.start("evil", Map.of(
                "orodc.dns.hostname", name("ok") + " 10.0.0.1 localhost bank.example.com " + name("hash#tag"),
                "traefik.enable", "true",
                "traefik.http.routers.x.rule", "Host(`" + name("line") + "\n127.0.0.1 steal.example.com`)"));
        String multiLine = containers.start("multiline", Map.of("orodc.dns.hostname", name("m") + "\n1.2.3.4 " + name("n")));
        awaitNames(Set.of(name("ok")));
        // more reconciles: the same rejections must not be logged again
        String other = containers.start("other", Map.of("orodc.dns.hostname", name("other")));
        awaitNames(Set.of(name("ok"), name("other")));
        containers.kill(other);
        awaitNames(Set.of(name("ok")));

        List<String> warnings = log.stream()
                .filter(l -> l.startsWith("WARN container " + evil) || l.startsWith("WARN container " + multiLine)).toList();
        assertThat(warnings).containsExactlyInAnyOrder(
                "WARN container " + evil + ": label orodc.dns.hostname value '10.0.0.1' rejected: an IP address, not a name",
                "WARN container " + evil + ": label orodc.dns.hostname value 'localhost' rejected: localhost",
                "WARN container " + evil + ": label orodc.dns.hostname value 'bank.example.com' rejected: outside the allowed suffixes " + suffix,
                "WARN container " + evil + ": label orodc.dns.hostname value '" + name("hash#tag") + "' rejected: a '#'",
                "WARN container " + evil + ": label traefik.http.routers.x.rule value '" + name("line")
                        + "\\n127.0.0.1 steal.example.com' rejected: a line break",
                "WARN container " + multiLine + ": label orodc.dns.hostname value '" + name("m") + "\\n1.2.3.4 " + name("n")
                        + "' rejected: the value contains a line break, control or format character");
        String content = Files.readString(hosts);
        assertThat(content).doesNotContain("steal", "bank", "10.0.0.1", "#tag", "1.2.3.4");
    }

    @Test
    void startReconcilesWhatHappenedWhileTheDaemonWasDown() throws Exception {
        Files.writeString(hosts, USER_LINES + HostsBlock.START + "\n127.0.0.1 " + name("stale") + "\n" + HostsBlock.END + "\n");
        containers.start("early", Map.of("orodc.dns.hostname", name("early")));
        HostsSync.Outcome outcome = new HostsSync(request(System.getenv(), Optional.empty()), reporter).once();
        assertThat(outcome.errors()).isEmpty();
        assertThat(namesInFile()).containsExactly(name("early"));
        assertThat(log).contains("INFO - " + name("stale"));

        // and the daemon: started with a stale name in the file, it converges at once
        Files.writeString(hosts, USER_LINES + HostsBlock.START + "\n127.0.0.1 " + name("stale") + "\n" + HostsBlock.END + "\n");
        daemon(System.getenv(), Optional.empty());
        awaitNames(Set.of(name("early")));
    }

    @Test
    void aBurstOfContainersConvergesWithinTheWriteBudget() throws Exception {
        daemon(System.getenv(), Optional.empty());
        await("first reconcile", 30, () -> sync.stats().reconciles() >= 1);
        long writesBefore = sync.stats().hostsFileWrites();
        long began = System.nanoTime();
        int count = 100;
        List<String> started = containers.startMany(count, 16, i -> Map.of("orodc.dns.hostname", name("burst-" + i)));
        Set<String> expected = new TreeSet<>();
        for (int i = 0; i < count; i++) {
            expected.add(name("burst-" + i));
        }
        awaitNames(expected);
        double seconds = (System.nanoTime() - began) / 1e9;
        HostsSync.Stats stats = sync.stats();
        assertThat(started).hasSize(count);
        assertThat(stats.events()).isGreaterThanOrEqualTo(count);
        // at most the budget in any second: over the whole burst, no more than that many a second
        int budget = HostsSyncRequest.Timing.DEFAULT.writesPerSecond();
        assertThat(stats.hostsFileWrites() - writesBefore).as("writes for %d events in %.1f s: %s", stats.events(), seconds, stats)
                .isLessThanOrEqualTo((long) Math.ceil(seconds + 1) * budget)
                .isLessThan(stats.events());
        assertThat(Files.readString(hosts)).startsWith(USER_LINES);
    }

    @Test
    void theDockerEngineGoingAwayAndComingBackIsRecoveredFrom() throws Exception {
        DockerRelay relay = new DockerRelay(dir.resolve("relay.sock"));
        try {
            relay.open();
            Map<String, String> environment = new HashMap<>(System.getenv());
            environment.put("DOCKER_HOST", "unix://" + relay.socket());
            daemon(environment, Optional.empty());
            String before = containers.start("before", Map.of("orodc.dns.hostname", name("before")));
            awaitNames(Set.of(name("before")));

            relay.cut();
            await("the daemon notices", 30, () -> log.stream().anyMatch(l -> l.contains("is not reachable")));
            containers.remove(before);
            containers.start("during", Map.of("orodc.dns.hostname", name("during")));
            assertThat(namesInFile()).containsExactly(name("before"));

            relay.open();
            awaitNames(Set.of(name("during")));
            assertThat(log).anyMatch(l -> l.contains("again: full reconcile"));
            assertThat(sync.stats().connects()).isGreaterThanOrEqualTo(2);
        } finally {
            relay.cut();
        }
    }

    @Test
    void theProxyContainerGetsTheNamesInItsOwnHostsFileAgainAfterARestart() throws Exception {
        String proxy = containers.start("proxy", Map.of());
        daemon(System.getenv(), Optional.of(proxy));
        containers.start("app", Map.of("orodc.dns.hostname", name("app")));
        await("name in the proxy's /etc/hosts", 30, () -> proxyHosts(proxy).contains("127.0.0.1 " + name("app") + "\n"));
        String inside = proxyHosts(proxy);
        assertThat(inside).contains("localhost").doesNotContain("::1 " + name("app"));
        assertThat(HostsFileText.parse(inside, "proxy").blockNames()).containsExactly(name("app"));

        Shell.run("docker", "restart", "-t", "0", proxy).orFail();
        await("name pushed again after restart", 30, () -> proxyHosts(proxy).contains("127.0.0.1 " + name("app") + "\n"));
        assertThat(Files.readString(hosts)).contains("::1 " + name("app"));
    }

    private static String proxyHosts(String container) {
        var r = Shell.run("docker", "exec", container, "cat", "/etc/hosts");
        return r.exitCode() == 0 ? r.out() : "";
    }

    /** A relay between the daemon and the engine that the test can cut and restore, like an engine restart. */
    static final class DockerRelay {
        private final Path socket;
        private Process process;

        DockerRelay(Path socket) {
            this.socket = socket;
        }

        Path socket() {
            return socket;
        }

        void open() throws Exception {
            Files.deleteIfExists(socket);
            process = new ProcessBuilder("socat", "UNIX-LISTEN:" + socket + ",fork", "UNIX-CONNECT:/var/run/docker.sock")
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            await("relay listening", 10, () -> Files.exists(socket));
        }

        /** Kills the relay and every connection it carries (each one is a forked child). */
        void cut() throws Exception {
            if (process == null) {
                return;
            }
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process = null;
            Files.deleteIfExists(socket);
        }
    }

}
