package com.orodc.workflow.proxy;

import com.orodc.testing.LocalImages;
import com.orodc.testing.Shell;
import com.orodc.workflow.ProxySpecs;
import com.orodc.workflow.ProxyTestBase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.utility.DockerImageName;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** SOCKS5 in the proxy container: the CLI's own client, curl, and a labelled app container reached by name. */
class Socks5ThroughProxyIT extends ProxyTestBase {
    private GenericContainer<?> app;

    @AfterEach
    void stopApp() {
        if (app != null) {
            app.stop();
        }
    }

    @Test
    void theCliClientWithAndWithoutAuth() {
        proxy.cli().run("install-proxy", "--socks5").assertSuccess().assertOut("SOCKS5     127.0.0.1:" + proxy.socksPort + " (no login)");
        proxy.cli().env("DC_PROXY_SOCKS5_ENABLED", "1").run("proxy-socks5-test").assertSuccess()
                .assertOut("OK   connect proxy.docker.local:80")
                .assertOut("HTTP/1.1 200 OK");
        proxy.cli().env("DC_PROXY_SOCKS5_ENABLED", "1").run("proxy-status").assertSuccess()
                .assertOut("OK   SOCKS5           enabled on 127.0.0.1:" + proxy.socksPort + ", no login, reaches proxy.docker.local");

        var auth = proxy.cli().env("DC_PROXY_SOCKS5_ENABLED", "1").env("DC_PROXY_SOCKS5_USER", "dev").env("DC_PROXY_SOCKS5_PASS", "s3cret");
        auth.run("install-proxy").assertSuccess().assertOut("Proxy is healthy (recreated)").assertOut("(login required)");
        auth.run("proxy-socks5-test").assertSuccess().assertOut("OK   auth").assertOut("HTTP/1.1 200 OK");
        proxy.cli().env("DC_PROXY_SOCKS5_ENABLED", "1").env("DC_PROXY_SOCKS5_USER", "dev").env("DC_PROXY_SOCKS5_PASS", "wrong")
                .run("proxy-socks5-test").assertExit(1).assertOut("authentication rejected for user 'dev'");
    }

    @Test
    void curlReachesALabelledAppContainerByItsName() {
        proxy.cli().run("install-proxy", "--socks5").assertSuccess();
        String name = "shop-" + UUID.randomUUID().toString().substring(0, 8) + ".docker.local";
        app = new GenericContainer<>(DockerImageName.parse(LocalImages.busybox()))
                .withNetworkMode(ProxySpecs.NETWORK)
                .withLabels(Map.of("orodc.dns.hostname", name, "orodc.test", "true"))
                .withCommand("sh", "-c", "mkdir -p /www && echo 'hello from the app' > /www/index.html && exec httpd -f -p 80 -h /www");
        app.start();
        // install-proxy writes the running containers' names into the proxy on each run
        proxy.cli().run("install-proxy", "--socks5").assertSuccess();
        String hosts = Shell.run("docker", "exec", "proxy", "cat", "/etc/hosts").orFail().out();
        assertThat(hosts).contains("127.0.0.1 " + name).contains("# OroDC Auto DNS - START");
        // the real image sends that name to Traefik, which routes it to the app; the stand-in has no router,
        // so the name is pointed straight at the app on the shared network
        String appIp = Shell.run("docker", "inspect", "--format",
                "{{(index .NetworkSettings.Networks \"" + ProxySpecs.NETWORK + "\").IPAddress}}", app.getContainerId()).orFail().out().strip();
        Shell.run("docker", "exec", "proxy", "sh", "-c", "sed 's/^127.0.0.1 " + name + "$/" + appIp + " " + name + "/' /etc/hosts > /tmp/h && cat /tmp/h > /etc/hosts").orFail();

        var curl = Shell.run(List.of("curl", "-sS", "--max-time", "10", "--socks5-hostname", "127.0.0.1:" + proxy.socksPort, "http://" + name + "/"));
        assertThat(curl.exitCode()).as(curl.err()).isZero();
        assertThat(curl.out()).contains("hello from the app");
    }

}
