package com.orodc.image;

import com.orodc.testing.InProcessCli;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** What a user sees from proxy-image before anything is fetched: help and refused command lines. */
class ProxyImageCliTest {
    @TempDir
    Path home;

    @Test
    void theGroupListsItsCommands() {
        new InProcessCli(home).run("proxy-image", "--help").assertSuccess().assertOut("build").assertOut("publish").assertOut("inspect");
        new InProcessCli(home).run("proxy-image", "build", "--help").assertSuccess()
                .assertOut("--platform").assertOut("--offline").assertOut("--mirror").assertOut("tar:FILE");
    }

    @Test
    void anUnknownPlatformIsAUsageError() {
        new InProcessCli(home).run("proxy-image", "build", "--platform", "linux/s390x").assertExit(2)
                .assertErr("unknown platform 'linux/s390x'").assertErr("linux/amd64 or linux/arm64");
    }

    @Test
    void localTargetsHoldOnePlatform() {
        new InProcessCli(home).run("proxy-image", "build", "--to", "tar:p.tar", "--platform", "linux/amd64,linux/arm64").assertExit(2)
                .assertErr("holds one platform");
    }

    @Test
    void publishWantsTheTagSeparately() {
        new InProcessCli(home).run("proxy-image", "publish", "--to", "127.0.0.1:5000/a/proxy:1", "--tag", "1").assertExit(2)
                .assertErr("without a tag");
        new InProcessCli(home).run("proxy-image", "publish", "--to", "127.0.0.1:5000/a/proxy", "--tag", "no good").assertExit(2)
                .assertErr("not a valid tag");
    }

    @Test
    void offlineWithAnEmptyCacheNamesThePinnedInputsAndFetchesNothing() {
        var r = new InProcessCli(home).run("proxy-image", "build", "--offline", "--platform", "linux/arm64", "--to", "tar:p.tar");
        r.assertExit(1).assertErr("the cache lacks").assertErr("s6-overlay-aarch64.tar.xz.sha256")
                .assertErr("image " + ImageInputs.resolve(Map.of(), new ImageInputs(null, null, null, null, null, null, null, true, false)).baseImage());
        assertThat(home.resolve("p.tar")).doesNotExist();
    }
}
