package com.orodc.workflow.proxy;

import com.orodc.testing.LocalImages;
import com.orodc.testing.LocalProcess;
import com.orodc.testing.ProxyFixture;
import com.orodc.testing.Shell;
import com.orodc.workflow.ProxyTestBase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** install-proxy end to end against the real engine, with the stand-in image. */
class InstallProxyIT extends ProxyTestBase {
    @Test
    void createsAHealthyContainerTheWayTheContractSays() {
        proxy.cli().run("install-proxy").assertSuccess()
                .assertOut("Proxy is healthy (created)")
                .assertOut("https://<project>.docker.local:" + proxy.httpsPort + "/");

        assertThat(ProxyFixture.inspect("{{.State.Health.Status}}")).isEqualTo("healthy");
        assertThat(ProxyFixture.inspect("{{range $p, $b := .HostConfig.PortBindings}}{{$p}}={{(index $b 0).HostIp}}:{{(index $b 0).HostPort}} {{end}}"))
                .isEqualTo("443/tcp=127.0.0.1:" + proxy.httpsPort + " 80/tcp=127.0.0.1:" + proxy.httpPort);
        assertThat(ProxyFixture.inspect("{{range .Mounts}}{{.Destination}}:{{.RW}} {{end}}").split(" "))
                .containsExactlyInAnyOrder("/var/run/docker.sock:false", "/etc/traefik/traefik.yml:false",
                        "/etc/traefik/dynamic:false", "/etc/traefik/certs:false");
        assertThat(ProxyFixture.inspect("{{index .Config.Labels \"orodc.managed\"}} {{index .Config.Labels \"orodc.dns.hostname\"}}"))
                .isEqualTo("true proxy.docker.local,traefik.docker.local");
        assertThat(ProxyFixture.inspect("{{.HostConfig.RestartPolicy.Name}} {{.HostConfig.Memory}} {{.HostConfig.LogConfig.Type}} {{index .HostConfig.LogConfig.Config \"max-size\"}}"))
                .isEqualTo("unless-stopped 268435456 json-file 10m");
        assertThat(ProxyFixture.inspect("{{json .Config.Healthcheck.Test}}")).isEqualTo("[\"CMD\",\"traefik\",\"healthcheck\",\"--ping\"]");
        // the projects' network, and one of its own for the published ports (the engine publishes on the first by name)
        assertThat(ProxyFixture.inspect("{{range $k, $v := .NetworkSettings.Networks}}{{$k}} {{end}}").split(" "))
                .containsExactly("dc_proxy_ports", "dc_shared_net");
        assertThat(ProxyFixture.inspect("{{json (index .NetworkSettings.Networks \"dc_shared_net\").Aliases}}"))
                .contains("\"proxy.docker.local\"", "\"traefik.docker.local\"");
        // the CA keys never reach the container: only leaf, chain and leaf key are mounted
        var certs = Shell.run("docker", "exec", "proxy", "ls", "/etc/traefik/certs").orFail().out();
        assertThat(certs.split("\\s+")).containsExactlyInAnyOrder("fullchain.pem", "leaf.key", "leaf.pem");

        var curl = Shell.run("curl", "-sS", "--cacert", proxy.rootCert().toString(),
                "--resolve", "proxy.docker.local:" + proxy.httpsPort + ":127.0.0.1",
                "https://proxy.docker.local:" + proxy.httpsPort + "/");
        assertThat(curl.exitCode()).as(curl.err()).isZero();
        assertThat(curl.out()).contains("stand-in proxy for docker.local");
    }

    @Test
    void aSecondRunRecreatesNothingAndAChangedPortOnlyTheContainer() throws Exception {
        proxy.cli().run("install-proxy").assertSuccess();
        String first = ProxyFixture.inspect("{{.Id}}");
        Path root = proxy.rootCert();
        FileTime rootTime = Files.getLastModifiedTime(root);
        byte[] rootBytes = Files.readAllBytes(root);

        proxy.cli().run("install-proxy").assertSuccess().assertOut("Proxy is healthy (up to date)");
        assertThat(ProxyFixture.inspect("{{.Id}}")).isEqualTo(first);

        int otherPort = LocalProcess.freePort();
        proxy.cli().env("TRAEFIK_HTTPS_BIND_PORT", Integer.toString(otherPort)).run("install-proxy").assertSuccess()
                .assertOut("Proxy is healthy (recreated)");
        assertThat(ProxyFixture.inspect("{{.Id}}")).isNotEqualTo(first);
        assertThat(ProxyFixture.inspect("{{(index (index .HostConfig.PortBindings \"443/tcp\") 0).HostPort}}")).isEqualTo(Integer.toString(otherPort));
        assertThat(Files.getLastModifiedTime(root)).isEqualTo(rootTime);
        assertThat(Files.readAllBytes(root)).isEqualTo(rootBytes);
    }

    @Test
    void aStoppedProxyWithAChangedSettingIsReplacedNotRefused() {
        proxy.cli().run("install-proxy").assertSuccess();
        String first = ProxyFixture.inspect("{{.Id}}");
        Shell.run("docker", "stop", "proxy").orFail();

        int otherPort = LocalProcess.freePort();
        proxy.cli().env("TRAEFIK_HTTPS_BIND_PORT", Integer.toString(otherPort)).run("install-proxy").assertSuccess()
                .assertOut("Proxy is healthy (recreated)");

        assertThat(ProxyFixture.inspect("{{.Id}}")).isNotEqualTo(first);
        assertThat(ProxyFixture.inspect("{{.State.Health.Status}}")).isEqualTo("healthy");
        assertThat(Shell.run("docker", "inspect", first).exitCode()).as("the stopped one is gone, not left set aside").isNotZero();
    }

    @Test
    void aConfigFileDockerTurnedIntoADirectoryIsWrittenAgainAndTheProxyMountsTheFile() throws Exception {
        proxy.cli().run("install-proxy").assertSuccess();
        Path config = home.resolve("proxy").resolve("traefik.yml");
        Files.delete(config);
        // what a reboot does to a proxy whose file was deleted: the engine makes the missing source a directory, and
        // the container cannot start with it where the image has a file
        var restart = Shell.run("docker", "restart", "proxy");
        assertThat(restart.exitCode()).isNotZero();
        assertThat(config).as("the engine made the missing file a directory").isDirectory();

        proxy.cli().run("install-proxy").assertSuccess()
                .assertErr("Removed the empty directory at " + config)
                .assertOut("Proxy is healthy (recreated)");

        assertThat(config).isRegularFile();
        assertThat(Shell.run("docker", "exec", "proxy", "test", "-f", "/etc/traefik/traefik.yml").exitCode())
                .as("the container mounts the file, not the old directory").isZero();
        proxy.cli().run("install-proxy").assertSuccess().assertOut("Proxy is healthy (up to date)");
    }

    @Test
    void aDirectoryWithFilesWhereTheConfigBelongsIsNamedAndKept() throws Exception {
        Path config = home.resolve("proxy").resolve("traefik.yml");
        Files.createDirectories(config);
        Files.writeString(config.resolve("notes.txt"), "mine");

        proxy.cli().run("install-proxy").assertExit(4)
                .assertErr("error: " + config + " is a directory with files in it, where the proxy's traefik.yml belongs;"
                        + " move it away, then run install-proxy again");

        assertThat(config.resolve("notes.txt")).hasContent("mine");
        assertThat(Shell.run("docker", "inspect", "proxy").exitCode()).as("no proxy was created").isNotZero();
    }

    @Test
    void aBusyPortIsNamedWithItsVariableAndAutoPortsPicksAnother() throws Exception {
        try (ServerSocket busy = new ServerSocket()) {
            busy.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), proxy.httpPort));
            proxy.cli().run("install-proxy").assertExit(1)
                    .assertErr("port 127.0.0.1:" + proxy.httpPort + " (TRAEFIK_BIND_PORT) is already in use")
                    .assertErr("--auto-ports");
            assertThat(Shell.run("docker", "inspect", "proxy").exitCode()).isNotZero();

            var auto = proxy.cli().run("install-proxy", "--auto-ports").assertSuccess()
                    .assertErr("HTTP port " + proxy.httpPort + " is busy; using ");
            assertThat(ProxyFixture.inspect("{{(index (index .HostConfig.PortBindings \"80/tcp\") 0).HostPort}}"))
                    .isNotEqualTo(Integer.toString(proxy.httpPort));
            assertThat(auto.out()).doesNotContain("http://<project>.docker.local:" + proxy.httpPort + "/");
        }
    }

    @Test
    void aBadSettingIsRefusedBeforeTheWorkingProxyIsTouched() {
        proxy.cli().run("install-proxy").assertSuccess();
        String before = ProxyFixture.inspect("{{.Id}} {{.State.StartedAt}}");
        String http = Integer.toString(proxy.httpPort);
        String https = Integer.toString(proxy.httpsPort);

        proxy.cli().env("TRAEFIK_HTTPS_BIND_PORT", http).run("install-proxy").assertExit(2)
                .assertErr("TRAEFIK_BIND_PORT and TRAEFIK_HTTPS_BIND_PORT are both " + http);
        proxy.cli().env("DC_PROXY_SOCKS5_ENABLED", "1").env("DC_PROXY_SOCKS5_PORT", https).run("install-proxy").assertExit(2)
                .assertErr("DC_PROXY_SOCKS5_PORT and TRAEFIK_HTTPS_BIND_PORT are both " + https);
        proxy.cli().env("DC_PROXY_SOCKS5_ENABLED", "1").env("DC_PROXY_SOCKS5_PORT", "443").run("install-proxy").assertExit(2)
                .assertErr("DC_PROXY_SOCKS5_PORT=443 (from environment) is a port Traefik listens on inside the proxy container");

        assertThat(ProxyFixture.inspect("{{.Id}} {{.State.StartedAt}}")).as("the working proxy was not touched").isEqualTo(before);
        assertThat(ProxyFixture.inspect("{{.State.Health.Status}}")).isEqualTo("healthy");
    }

    @Test
    void aReplacementThatDoesNotBecomeHealthyPutsThePreviousContainerBack() {
        proxy.cli().run("install-proxy").assertSuccess();
        String before = ProxyFixture.inspect("{{.Id}}");

        // an image whose container exits at once: the new container never becomes healthy
        proxy.cli().env("ORODC_PROXY_IMAGE", LocalImages.busybox()).run("install-proxy", "--timeout", "20").assertExit(1)
                .assertErr("Replacing proxy container " + before.substring(0, 12))
                .assertErr("the previous proxy container " + before.substring(0, 12) + " is back and running with the previous settings");

        assertThat(ProxyFixture.inspect("{{.Id}} {{.State.Running}}")).isEqualTo(before + " true");
        assertThat(Shell.run("docker", "ps", "-a", "-q", "--filter", "name=proxy-replaced-").orFail().out()).as("nothing set aside").isBlank();
        proxy.cli().run("install-proxy").assertSuccess().assertOut("Proxy is healthy (up to date)");
    }

    @Test
    void aForeignProxyContainerIsLeftAlone() {
        String image = LocalImages.busybox();
        Shell.run("docker", "run", "-d", "--name", "proxy", "--label", "orodc.test=true", image, "sleep", "300").orFail();
        try {
            String before = ProxyFixture.inspect("{{.Id}} {{.State.Running}} {{.State.StartedAt}}");
            // every verb that changes the proxy goes through the same guard
            for (List<String> verb : List.of(List.of("install-proxy"), List.of("proxy", "up"), List.of("proxy", "down"),
                    List.of("proxy", "restart"), List.of("uninstall-proxy"), List.of("uninstall-proxy", "--purge"))) {
                proxy.cli().run(verb.toArray(String[]::new)).assertExit(1)
                        .assertErr("a container named 'proxy' exists that orodc did not create")
                        .assertErr("--force");
            }
            assertThat(ProxyFixture.inspect("{{.Id}} {{.State.Running}} {{.State.StartedAt}}")).as("untouched").isEqualTo(before);
        } finally {
            Shell.run(List.of("docker", "rm", "-f", "proxy"));
        }
    }

    @Test
    void theBashOroDcCaInTheProxyCertsVolumeIsAdopted(@TempDir Path legacy) throws Exception {
        assertThat(Shell.run("docker", "volume", "inspect", "proxy_certs").exitCode())
                .as("a proxy_certs volume already exists on this engine; this test needs to create its own").isNotZero();
        Shell.run("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", legacy.resolve("ca.key").toString(),
                "-out", legacy.resolve("ca.crt").toString(), "-days", "3650", "-subj", "/CN=OroDC Local CA").orFail();
        Shell.run("docker", "volume", "create", "--label", "orodc.test=true", "proxy_certs").orFail();
        try {
            Shell.run("docker", "run", "--rm", "-v", "proxy_certs:/v", "-v", legacy + ":/src:ro", LocalImages.busybox(),
                    "cp", "/src/ca.crt", "/src/ca.key", "/v/").orFail();
            proxy.cli().run("install-proxy").assertSuccess().assertErr("Adopting the OroDC CA from the Docker volume proxy_certs");
            String fingerprint = Shell.run("openssl", "x509", "-noout", "-fingerprint", "-sha256", "-in", legacy.resolve("ca.crt").toString())
                    .orFail().out();
            String ours = Shell.run("openssl", "x509", "-noout", "-fingerprint", "-sha256", "-in", proxy.rootCert().toString()).orFail().out();
            assertThat(ours).isEqualTo(fingerprint);
            // a browser that trusted the old CA trusts the new leaf: verify the served chain against the old root
            var curl = Shell.run("curl", "-sS", "--cacert", legacy.resolve("ca.crt").toString(),
                    "--resolve", "shop.docker.local:" + proxy.httpsPort + ":127.0.0.1", "https://shop.docker.local:" + proxy.httpsPort + "/");
            assertThat(curl.exitCode()).as(curl.err()).isZero();
        } finally {
            proxy.close();
            Shell.run("docker", "volume", "rm", "proxy_certs");
        }
    }

    @Test
    void purgeRemovesWhatOrodcAddedAndSaysSo(@TempDir Path nss) {
        Shell.run("certutil", "-d", "sql:" + nss, "-N", "--empty-password").orFail();
        var cli = proxy.cli().env("ORODC_TRUST_NSS_DBS", nss.toString());
        cli.run("install-proxy").assertSuccess();
        cli.run("export-proxy-cert", "--install", "--store", "nss").assertSuccess();
        assertThat(Shell.run("certutil", "-d", "sql:" + nss, "-L").orFail().out()).contains("orodc-local-ca-");

        cli.run("uninstall-proxy", "--purge").assertSuccess()
                .assertOut("container proxy")
                .assertOut(home.resolve("certs").toString())
                .assertOut(home.resolve("proxy").toString())
                .assertOut("trust: nss");
        assertThat(Shell.run("certutil", "-d", "sql:" + nss, "-L").orFail().out()).doesNotContain("orodc-local-ca-");
        assertThat(home.resolve("certs")).doesNotExist();
        assertThat(home.resolve("state")).as("the trust record and sync state go too").doesNotExist();
        assertThat(Shell.run("docker", "inspect", "proxy").exitCode()).isNotZero();
    }

    @Test
    void purgeRemovesTheNetworkOnlyWhenThisInstallCreatedIt(@TempDir Path otherHome) {
        ProxyFixture.removeManagedProxy();
        Shell.run("docker", "network", "rm", "dc_shared_net");
        assertThat(Shell.run("docker", "network", "inspect", "dc_shared_net").exitCode()).as("no network to start with").isNotZero();
        proxy.cli().run("install-proxy").assertSuccess().assertErr("Created network dc_shared_net");

        ProxyFixture other = new ProxyFixture(otherHome);
        other.cli().run("install-proxy").assertSuccess();
        other.cli().run("uninstall-proxy", "--purge").assertSuccess()
                .assertErr("Network dc_shared_net kept: another install of orodc created it");
        assertThat(Shell.run("docker", "network", "inspect", "dc_shared_net").exitCode()).isZero();

        proxy.cli().run("install-proxy").assertSuccess();
        proxy.cli().run("uninstall-proxy", "--purge").assertSuccess().assertOut("network dc_shared_net");
        assertThat(Shell.run("docker", "network", "inspect", "dc_shared_net").exitCode()).isNotZero();
    }

    @Test
    void downKeepsCertificatesAndUpBringsItBack() {
        proxy.cli().run("install-proxy").assertSuccess();
        proxy.cli().run("proxy", "down").assertSuccess().assertErr("certificates, config and network dc_shared_net kept");
        assertThat(Shell.run("docker", "inspect", "proxy").exitCode()).isNotZero();
        assertThat(proxy.rootCert()).exists();
        proxy.cli().run("proxy", "up").assertSuccess().assertOut("Proxy is healthy (created)");
        proxy.cli().run("proxy", "logs", "--tail", "5").assertSuccess().assertOut("stand-in proxy started");
        proxy.cli().run("proxy", "restart").assertSuccess().assertErr("Proxy restarted and healthy");
    }
}
