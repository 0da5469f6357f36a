package com.orodc.workflow.status;

import com.orodc.core.ConfigResolver;
import com.orodc.core.OrodcConfig;
import com.orodc.core.OrodcHome;
import com.orodc.core.Reporter;
import com.orodc.workflow.certs.CertificatesRequest;
import com.orodc.workflow.certs.CertificatesWorkflow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

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
}
