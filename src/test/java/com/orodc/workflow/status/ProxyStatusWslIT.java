package com.orodc.workflow.status;

import com.orodc.testing.CliDriver;
import com.orodc.testing.FakeWsl;
import com.orodc.testing.InProcessCli;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * proxy-status in a fake WSL 2 distribution (nothing of Windows runs here) against this machine's real engine:
 * the Docker line says which engine answers. It only reads; whatever state the proxy is in does not matter here.
 */
class ProxyStatusWslIT {
    @TempDir
    Path home;
    @TempDir
    Path dir;

    @Test
    void theDockerLineSaysTheEngineRunsInsideTheDistribution() {
        FakeWsl wsl = new FakeWsl(dir);
        CliDriver cli = new InProcessCli(home);
        wsl.environment().forEach(cli::env);

        String out = cli.run("proxy-status").out();

        assertThat(out.lines().filter(l -> l.contains("Docker ") && l.contains("Engine ")))
                .singleElement().asString().endsWith(", an engine inside this distribution");
        assertThat(out).contains("WSL 2 (distribution Ubuntu-24.04)");
    }
}
