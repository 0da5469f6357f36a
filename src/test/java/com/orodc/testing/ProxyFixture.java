package com.orodc.testing;

import java.nio.file.Path;
import java.util.List;

/**
 * A proxy installed by the tests: the stand-in image, free ports on 127.0.0.1, its own ORODC_HOME.
 * Removes the container named {@code proxy} afterwards only when orodc created it.
 */
public final class ProxyFixture implements AutoCloseable {
    public final Path home;
    public final int httpPort = LocalProcess.freePort();
    public final int httpsPort = LocalProcess.freePort();
    public final int socksPort = LocalProcess.freePort();

    public ProxyFixture(Path home) {
        this.home = home;
        StandInProxyImage.build();
        removeManagedProxy();
    }

    public <T extends CliDriver> T configure(T cli) {
        cli.env("ORODC_PROXY_IMAGE", StandInProxyImage.TAG)
                .env("TRAEFIK_BIND_PORT", Integer.toString(httpPort))
                .env("TRAEFIK_HTTPS_BIND_PORT", Integer.toString(httpsPort))
                .env("DC_PROXY_SOCKS5_PORT", Integer.toString(socksPort));
        return cli;
    }

    public CliDriver cli() {
        return configure(new InProcessCli(home));
    }

    public Path rootCert() {
        return home.resolve("certs/root-ca.pem");
    }

    public static String inspect(String format) {
        return Shell.run("docker", "inspect", "--format", format, "proxy").orFail().out().strip();
    }

    public static void removeManagedProxy() {
        var labels = Shell.run("docker", "inspect", "--format", "{{index .Config.Labels \"orodc.managed\"}}", "proxy");
        if (labels.exitCode() == 0 && labels.out().strip().equals("true")) {
            Shell.run(List.of("docker", "rm", "-f", "proxy"));
        }
    }

    @Override
    public void close() {
        removeManagedProxy();
    }
}
