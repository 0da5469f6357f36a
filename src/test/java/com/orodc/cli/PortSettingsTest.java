package com.orodc.cli;

import com.orodc.testing.CliDriver;
import com.orodc.testing.InProcessCli;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Ports that are each valid but cannot work together are refused by every command that reads the
 * settings, before anything is written; combinations that can work are not.
 */
class PortSettingsTest {
    @TempDir
    Path home;

    private CliDriver cli(String settings) {
        CliDriver cli = new InProcessCli(home);
        for (String setting : settings.split(" ")) {
            String[] kv = setting.split("=", 2);
            cli.env(kv[0], kv[1]);
        }
        return cli;
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "TRAEFIK_BIND_PORT=8880 TRAEFIK_HTTPS_BIND_PORT=8880 | TRAEFIK_BIND_PORT and TRAEFIK_HTTPS_BIND_PORT are both 8880 (from environment and environment)",
            "TRAEFIK_HTTPS_BIND_PORT=8880 | TRAEFIK_BIND_PORT and TRAEFIK_HTTPS_BIND_PORT are both 8880 (from default and environment)",
            "DC_PROXY_SOCKS5_ENABLED=1 DC_PROXY_SOCKS5_PORT=8443 | DC_PROXY_SOCKS5_PORT and TRAEFIK_HTTPS_BIND_PORT are both 8443",
            "DC_PROXY_SOCKS5_ENABLED=1 DC_PROXY_SOCKS5_PORT=8880 | DC_PROXY_SOCKS5_PORT and TRAEFIK_BIND_PORT are both 8880",
            "DC_PROXY_SOCKS5_ENABLED=1 DC_PROXY_SOCKS5_PORT=8880 DC_PROXY_SOCKS5_BIND=0.0.0.0 | DC_PROXY_SOCKS5_PORT and TRAEFIK_BIND_PORT are both 8880",
            "DC_PROXY_SOCKS5_ENABLED=1 DC_PROXY_SOCKS5_PORT=80 | DC_PROXY_SOCKS5_PORT=80 (from environment) is a port Traefik listens on inside the proxy container (80, 443, 8082)",
            "DC_PROXY_SOCKS5_ENABLED=1 DC_PROXY_SOCKS5_PORT=8082 | is a port Traefik listens on inside the proxy container",
    })
    void refusedByConfigAndInstallCertsWithNothingWritten(String settings, String message) throws IOException {
        cli(settings).run("config").assertExit(2).assertErr(message);
        cli(settings).run("proxy", "install-certs").assertExit(2).assertErr(message);
        try (Stream<Path> written = Files.list(home)) {
            assertThat(written).as("nothing written").isEmpty();
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            // SOCKS5 off: its port is not published, nothing can clash
            "DC_PROXY_SOCKS5_ENABLED=0 DC_PROXY_SOCKS5_PORT=8443",
            // one port number on two addresses that do not overlap
            "DC_PROXY_SOCKS5_ENABLED=1 DC_PROXY_SOCKS5_PORT=8880 DC_PROXY_SOCKS5_BIND=127.0.0.2",
            "TRAEFIK_BIND_PORT=80 TRAEFIK_HTTPS_BIND_PORT=443 DC_PROXY_SOCKS5_ENABLED=1 DC_PROXY_SOCKS5_PORT=1080",
    })
    void combinationsThatCanWorkAreAccepted(String settings) {
        cli(settings).run("config").assertSuccess();
    }
}
