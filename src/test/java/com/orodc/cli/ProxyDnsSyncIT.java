package com.orodc.cli;

import com.orodc.docker.LabelledContainers;
import com.orodc.hosts.HostsBlock;
import com.orodc.testing.PackagedCli;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** proxy-dns-sync as a user runs it: the packaged application against the real engine. */
class ProxyDnsSyncIT {
    @TempDir
    Path home;
    @TempDir
    Path dir;

    final LabelledContainers containers = new LabelledContainers();
    final String suffix = LabelledContainers.randomSuffix() + ".orodc-test.local";

    @AfterEach
    void removeContainers() throws Exception {
        containers.close();
    }

    @Test
    void onceWritesTheNamesLogsEachChangeAndRecordsTheState() throws Exception {
        Path hosts = dir.resolve("hosts");
        Files.writeString(hosts, "127.0.0.1 localhost\n");
        String app = containers.start("once", Map.of("orodc.dns.hostname", "shop." + suffix));
        new PackagedCli(home).run("proxy-dns-sync", "--once", "--hosts-file", hosts.toString(), "--suffix", suffix,
                        "--proxy-container", "")
                .assertSuccess()
                .assertOut("1 names in " + hosts)
                .assertErr("+ shop." + suffix + " (" + app + ")");
        assertThat(Files.readString(hosts)).isEqualTo("127.0.0.1 localhost\n" + HostsBlock.START + "\n127.0.0.1 shop." + suffix
                + "\n::1 shop." + suffix + "\n" + HostsBlock.END + "\n");
        assertThat(Files.readString(home.resolve("state/dns-sync.json"))).contains("\"shop." + suffix + "\" : \"" + app + "\"", "lastSync");
    }

    @Test
    void aMalformedBlockIsReportedAndTheFileLeftAlone() throws Exception {
        Path hosts = dir.resolve("hosts");
        String malformed = "127.0.0.1 localhost\n" + HostsBlock.END + "\n";
        Files.writeString(hosts, malformed);
        containers.start("malformed", Map.of("orodc.dns.hostname", "shop." + suffix));
        new PackagedCli(home).run("proxy-dns-sync", "--once", "--hosts-file", hosts.toString(), "--suffix", suffix,
                        "--proxy-container", "")
                .assertExit(1)
                .assertErr("error: " + hosts + " has an END marker without a START");
        assertThat(Files.readString(hosts)).isEqualTo(malformed);
    }

    @Test
    void aHostsFileThatCannotBeReadIsExitCode4() {
        Path missing = dir.resolve("no/such/file");
        new PackagedCli(home).run("proxy-dns-sync", "--once", "--hosts-file", missing.toString(), "--suffix", suffix,
                        "--proxy-container", "")
                .assertExit(4)
                .assertErr(missing + " does not exist");
        assertThat(missing).doesNotExist();
    }

    @Test
    void anUnreachableEngineIsOneLineAndExitCode3() {
        var r = new PackagedCli(home).env("DOCKER_HOST", "unix://" + dir.resolve("no-docker.sock"))
                .run("proxy-dns-sync", "--once", "--hosts-file", dir.resolve("hosts").toString());
        r.assertExit(3).assertErr("cannot reach Docker at unix://" + dir.resolve("no-docker.sock"));
        assertThat(r.err().strip().lines()).hasSize(1);
    }

    @Test
    void theForegroundDaemonFollowsContainersUntilItIsStopped() throws Exception {
        Path hosts = dir.resolve("hosts");
        Files.writeString(hosts, "127.0.0.1 localhost\n");
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
                PackagedCli.appJar().toString(), "proxy-dns-sync", "--hosts-file", hosts.toString(), "--suffix", suffix,
                "--proxy-container", "");
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().put("ORODC_HOME", home.toString());
        Process daemon = pb.start();
        List<String> output = Collections.synchronizedList(new ArrayList<>());
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(daemon.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = in.readLine()) != null; ) {
                    output.add(line);
                }
            } catch (Exception ignored) {
                // the process ended
            }
        });
        reader.start();
        try {
            awaitLine(output, "syncing names under " + suffix);
            String app = containers.start("daemon", Map.of("orodc.dns.hostname", "fg." + suffix));
            awaitLine(output, "+ fg." + suffix + " (" + app + ")");
            assertThat(Files.readString(hosts)).contains("127.0.0.1 fg." + suffix);
            containers.remove(app);
            awaitLine(output, "- fg." + suffix);
        } finally {
            daemon.destroy(); // SIGTERM, as systemd stops it
            assertThat(daemon.waitFor(30, TimeUnit.SECONDS)).isTrue();
            reader.join(5000);
        }
        assertThat(daemon.exitValue()).isIn(0, 143);
        assertThat(Files.readString(hosts)).doesNotContain("fg." + suffix);
    }

    /** Waits for a line that starts with {@code line}. */
    private static void awaitLine(List<String> output, String line) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            synchronized (output) {
                if (output.stream().anyMatch(l -> l.startsWith(line))) {
                    return;
                }
            }
            Thread.sleep(20);
        }
        throw new AssertionError("no line '" + line + "' in " + output);
    }
}
