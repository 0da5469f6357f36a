package com.orodc.workflow.proxy;

import com.orodc.testing.PackagedCli;
import com.orodc.testing.Shell;
import com.orodc.workflow.ProxyTestBase;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The main job through the packaged application and the ./orodc launcher, not in-process. */
class PackagedProxyIT extends ProxyTestBase {
    @Test
    void installStatusAndDownThroughThePackagedApplication() {
        PackagedCli cli = proxy.configure(new PackagedCli(home));
        cli.run("install-proxy").assertSuccess().assertOut("Proxy is healthy (created)");
        cli.run("install-proxy").assertSuccess().assertOut("Proxy is healthy (up to date)");
        cli.run("proxy-status").assertSuccess().assertOut("OK   HTTPS");
        cli.run("uninstall-proxy").assertSuccess().assertOut("container proxy");
        cli.run("proxy-status").assertExit(2);
    }

    @Test
    void theLauncherRunsThePackagedApplication() {
        var pb = new ProcessBuilder(List.of(Path.of("orodc").toAbsolutePath().toString(), "--version"));
        pb.environment().put("ORODC_HOME", home.toString());
        var r = Shell.run(pb, 120);
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).startsWith("orodc ").contains("traefik");
        assertThat(r.err()).doesNotContain("Building orodc");
    }
}
