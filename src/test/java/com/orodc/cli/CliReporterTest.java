package com.orodc.cli;

import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;

import static org.assertj.core.api.Assertions.assertThat;

class CliReporterTest {
    @Test
    void plainOutputGivesALineAtEachQuarterNotAtEachChunk() {
        StringWriter out = new StringWriter();
        CliReporter reporter = new CliReporter(new PrintWriter(out), false, false);
        for (long done = 0; done <= 1000; done += 10) {
            reporter.progress("traefik_v3.6.1_linux_amd64.tar.gz", done * 1024, 1000 * 1024);
        }
        assertThat(out.toString().lines()).hasSize(5);
        assertThat(out.toString()).contains("[############------------]  50%").contains("100% 1000.0 KB/1000.0 KB");
        assertThat(out.toString()).doesNotContain("\r");
    }

    @Test
    void aTerminalGetsOneBarRedrawnInPlaceAndClearedBeforeMessages() {
        StringWriter out = new StringWriter();
        CliReporter reporter = new CliReporter(new PrintWriter(out), false, true);
        reporter.progress("push amd64", 0, 4 * 1024 * 1024);
        reporter.info("a message");
        reporter.progress("push amd64", 4 * 1024 * 1024, 4 * 1024 * 1024);
        assertThat(out.toString()).startsWith("\r\033[Kpush amd64 [------------------------]   0%")
                .contains("\r\033[Ka message\n")
                .endsWith("[########################] 100% 4.0 MB/4.0 MB\n");
    }

    @Test
    void debugOnlyWithVerbose() {
        StringWriter quiet = new StringWriter();
        new CliReporter(new PrintWriter(quiet), false, false).debug("details");
        StringWriter verbose = new StringWriter();
        new CliReporter(new PrintWriter(verbose), true, false).debug("details");
        assertThat(quiet.toString()).isEmpty();
        assertThat(verbose.toString()).contains("details");
    }
}
