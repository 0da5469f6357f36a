package com.orodc.cli;

import com.orodc.testing.CliResult;
import com.orodc.testing.InProcessCli;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** A DOCKER_HOST orodc cannot use is a usage error of one line, for every command that talks to Docker. */
class DockerHostSettingTest {
    @TempDir
    Path home;

    @Test
    void notAUrl() {
        for (String[] command : new String[][] {{"proxy", "down"}, {"install-proxy"}, {"proxy-dns-sync", "--once", "--hosts-file",
                home.resolve("hosts").toString()}}) {
            CliResult r = new InProcessCli(home).env("DOCKER_HOST", "not a url").run(command).assertExit(2)
                    .assertErr("DOCKER_HOST=not a url is not valid (not a URL): expected unix:///path/to/docker.sock");
            assertThat(r.err().strip().lines()).as(String.join(" ", command)).hasSize(1);
        }
    }
}
