package com.orodc.cli;

import com.orodc.docker.LabelledContainers;
import com.orodc.hosts.HostsBlock;
import com.orodc.testing.InProcessCli;
import com.orodc.testing.PackagedCli;
import com.orodc.testing.Shell;
import com.orodc.workflow.dnsservice.DnsServiceSetup;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** proxy-dns-setup --status / --verify against the real engine, and once against the machine's real /etc/hosts. */
class ProxyDnsSetupIT {
    private static final Path ETC_HOSTS = Path.of("/etc/hosts");

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

    /** The command the service file holds: the daemon it starts syncs, and holds none of Quarkus' classes. */
    @Test
    void theServiceCommandSyncsWithoutStartingQuarkus() throws Exception {
        Path hosts = dir.resolve("hosts");
        Files.writeString(hosts, "127.0.0.1 localhost\n");
        containers.start("service", Map.of("orodc.dns.hostname", "service." + suffix));
        Path classes = dir.resolve("classes.txt");
        List<String> command = new java.util.ArrayList<>(DnsServiceSetup.javaCommand(
                Path.of(System.getProperty("java.home"), "bin", "java"), PackagedCli.appJar()));
        command.add(1, "-Xlog:class+load=info:file=" + classes);
        command.addAll(List.of("proxy-dns-sync", "--once", "--hosts-file", hosts.toString(), "--suffix", suffix,
                "--proxy-container", ""));
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile());
        pb.environment().put("ORODC_HOME", home.toString());
        Shell.Result r = Shell.run(pb, 120);
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(Files.readString(hosts)).contains("service." + suffix).startsWith("127.0.0.1 localhost\n");
        List<String> loaded = Files.readAllLines(classes);
        assertThat(loaded).as("classes the daemon loaded").anyMatch(l -> l.contains("com.orodc.workflow.hostsync.HostsSync "));
        // Quarkus' start: its runtime, CDI container and config (the annotation on the top command is only read)
        assertThat(loaded).as("classes the daemon loaded").noneMatch(l -> l.contains(" io.quarkus.runtime.")
                || l.contains(" io.quarkus.arc.") || l.contains(" io.smallrye.config."));
    }

    @Test
    void statusShowsDriftBetweenTheHostsFileAndTheContainers() throws Exception {
        Path hosts = dir.resolve("hosts");
        Files.writeString(hosts, "127.0.0.1 localhost\n" + HostsBlock.START + "\n127.0.0.1 gone." + suffix + "\n" + HostsBlock.END + "\n");
        containers.start("status", Map.of("orodc.dns.hostname", "new." + suffix));
        String[] common = {"--hosts-file", hosts.toString(), "--suffix", suffix};
        var cli = new InProcessCli(home);
        cli.run(concat(new String[] {"proxy-dns-setup", "--status"}, common)).assertExit(1)
                .assertOut("service:    not installed")
                .assertOut("last sync:  never")
                .assertOut("expected:   1 names from running containers")
                .assertOut("drift:      missing from the hosts file: new." + suffix)
                .assertOut("drift:      stale in the hosts file: gone." + suffix);
        cli.run("proxy-dns-sync", "--once", "--hosts-file", hosts.toString(), "--suffix", suffix, "--proxy-container", "")
                .assertSuccess();
        cli.run(concat(new String[] {"proxy-dns-setup", "--status"}, common))
                .assertOut("drift:      none")
                .assertOut("(1 names)")
                .assertOut("hosts file: 1 names in the block of " + hosts);
    }

    @Test
    void installAsAnOrdinaryUserGivesTheSudoCommand() {
        Assumptions.assumeTrue("root".equals(System.getProperty("user.name")) && Shell.available("setpriv"),
                "needs root to become nobody");
        Shell.Result r = Shell.run(List.of("setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", "env", "-i",
                "PATH=/usr/bin:/bin", "ORODC_HOME=/nonexistent", Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", PackagedCli.appJar().toString(), "proxy-dns-setup", "--install"), Path.of("/"), 120);
        assertThat(r.exitCode()).as(r.err()).isEqualTo(2);
        assertThat(r.err().strip()).isEqualTo("error: the hosts sync service is a system service and needs root: run "
                + "'sudo --preserve-env=DOCKER_HOST,ORODC_HOME orodc proxy-dns-setup --install' (or add --dry-run to see the files)");
    }

    @Test
    void verifyResolvesThroughTheOperatingSystemWithTheRealEtcHosts() throws Exception {
        Assumptions.assumeTrue(Files.isWritable(ETC_HOSTS), "needs a writable /etc/hosts");
        byte[] original = Files.readAllBytes(ETC_HOSTS);
        String name = "verify." + suffix;
        String missing = "missing." + suffix;
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 0);
        server.createContext("/", exchange -> {
            byte[] body = ("proxy for " + exchange.getRequestHeaders().getFirst("Host")).getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        try {
            containers.start("verify", Map.of("orodc.dns.hostname", name));
            var cli = new InProcessCli(home);
            cli.run("proxy-dns-sync", "--once", "--suffix", suffix, "--proxy-container", "").assertSuccess()
                    .assertOut("1 names in /etc/hosts");
            assertThat(Files.readString(ETC_HOSTS, StandardCharsets.ISO_8859_1))
                    .startsWith(new String(original, StandardCharsets.ISO_8859_1))
                    .contains("127.0.0.1 " + name + "\n::1 " + name + "\n");
            String port = Integer.toString(server.getAddress().getPort());
            cli.run("proxy-dns-setup", "--verify", "--suffix", suffix, "--http-port", port).assertSuccess()
                    .assertOut("ok   " + name + " -> 127.0.0.1:" + port + " answered 200 OK");
            cli.run("proxy-dns-setup", "--verify", "--suffix", suffix, "--http-port", port, name, missing).assertExit(1)
                    .assertOut("ok   " + name)
                    .assertOut("FAIL " + missing + ": does not resolve");
        } finally {
            server.stop(0);
            // back to exactly what it was, whatever happened above
            Files.write(ETC_HOSTS, original);
        }
        assertThat(Files.readAllBytes(ETC_HOSTS)).isEqualTo(original);
    }

    private static String[] concat(String[] a, String[] b) {
        String[] all = new String[a.length + b.length];
        System.arraycopy(a, 0, all, 0, a.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
