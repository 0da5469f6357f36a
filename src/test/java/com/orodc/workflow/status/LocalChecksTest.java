package com.orodc.workflow.status;

import com.orodc.core.ConfigResolver;
import com.orodc.core.OrodcConfig;
import com.orodc.core.OrodcHome;
import com.orodc.core.Reporter;
import com.orodc.docker.RunningContainer;
import com.orodc.workflow.certs.CertificatesRequest;
import com.orodc.workflow.certs.CertificatesWorkflow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The proxy-status checks that read only this machine's files. */
class LocalChecksTest {
    @TempDir
    Path dir;

    @Test
    void anExpiredLeafIsShownAsExpiredNotAsNegativeDaysLeft() {
        OrodcHome home = new OrodcHome(dir.resolve("home"));
        Clock issued = Clock.offset(Clock.systemUTC(), Duration.ofDays(-1095));
        new CertificatesWorkflow(Map.of(), issued, Reporter.SILENT).run(CertificatesRequest.of(home.certs(), "docker.local"));
        OrodcConfig config = new ConfigResolver(Map.of(), dir).resolve(Map.of());

        var checks = new LocalChecks(config, home, Map.of(), Clock.systemUTC()).certificates();

        assertThat(checks).filteredOn(c -> c.id().equals("leaf")).singleElement().satisfies(c -> {
            assertThat(c.level()).isEqualTo(StatusCheck.Level.FAIL);
            assertThat(c.detail()).containsPattern("expired 70[01] days ago").doesNotContain("-7").doesNotContain("expiring");
        });
        assertThat(checks).filteredOn(c -> c.id().equals("root-ca")).singleElement()
                .satisfies(c -> assertThat(c.detail()).containsPattern("255[45] days left"));
    }

    @Test
    void theHostsSyncCheckComparesWithTheContainersItIsGivenNotAClientOfItsOwn() {
        // Docker where nothing listens: a client of its own would list no container at all
        Map<String, String> env = Map.of("DOCKER_HOST", "unix://" + dir.resolve("no-docker.sock"));
        OrodcConfig config = new ConfigResolver(env, dir).resolve(Map.of());
        String name = "check-" + UUID.randomUUID().toString().substring(0, 8) + ".docker.local";
        var shop = new RunningContainer("0123456789ab", "shop", Map.of("orodc.dns.hostname", name));

        var checks = new LocalChecks(config, new OrodcHome(dir.resolve("home")), env, Clock.systemUTC())
                .hostsSync(() -> List.of(shop));

        assertThat(checks).singleElement().satisfies(c -> assertThat(c.detail())
                .contains("1 names from running containers").contains("missing from the hosts file: " + name));
    }

    @Test
    void whenTheContainersCannotBeListedTheHostsSyncCheckSaysWhere() {
        Path socket = dir.resolve("no-docker.sock");
        Map<String, String> env = Map.of("DOCKER_HOST", "unix://" + socket);
        OrodcConfig config = new ConfigResolver(env, dir).resolve(Map.of());

        var checks = new LocalChecks(config, new OrodcHome(dir.resolve("home")), env, Clock.systemUTC())
                .hostsSync(() -> {
                    throw new IllegalStateException("connection refused");
                });

        assertThat(checks).singleElement().satisfies(c -> assertThat(c.detail())
                .contains("unknown: cannot list containers at unix://" + socket + " (connection refused)"));
    }
}
