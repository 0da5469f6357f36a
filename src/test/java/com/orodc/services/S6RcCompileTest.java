package com.orodc.services;

import com.orodc.testing.Shell;
import com.orodc.testing.UpstreamBuilds;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The service tree compiled by the real {@code s6-rc-compile} of s6-overlay's x86_64 tarball, the way
 * the image's stage 1 compiles it: s6-overlay's own {@code /etc/s6-overlay/s6-rc.d} with ours copied
 * over it, against s6-overlay's built-in sources.
 */
@EnabledOnOs(value = OS.LINUX, architectures = {"amd64", "x86_64"},
        disabledReason = "runs s6-overlay's static x86_64 Linux programs")
class S6RcCompileTest {
    private static final String SOURCES = "package/admin/s6-overlay-" + UpstreamBuilds.S6_OVERLAY + "/etc/s6-rc/sources";
    private static final String COMMANDS = "package/admin/s6-rc/command/";
    private static final String USER_TREE = "etc/s6-overlay/s6-rc.d";

    @TempDir
    Path dir;
    private Path root;

    @BeforeEach
    void extract() throws IOException {
        UpstreamBuilds.assume();
        root = Files.createDirectories(dir.resolve("root"));
        for (String t : List.of("s6-overlay-noarch.tar.xz", "s6-overlay-x86_64.tar.xz")) {
            Shell.run("tar", "-C", root.toString(), "-Jxpf", UpstreamBuilds.s6Overlay(t).toString()).orFail();
        }
        Shell.run("cp", "-R", ServiceScript.S6_RC.toAbsolutePath() + "/.", root.resolve(USER_TREE).toString()).orFail();
    }

    private Shell.Result compile(Path db) {
        return Shell.run(root.resolve(COMMANDS + "s6-rc-compile").toString(), db.toString(),
                root.resolve(USER_TREE).toString(), root.resolve(SOURCES).toString());
    }

    private List<String> db(Path db, String... query) {
        List<String> command = new ArrayList<>(List.of(root.resolve(COMMANDS + "s6-rc-db").toString(), "-c", db.toString()));
        command.addAll(List.of(query));
        return Shell.run(command).orFail().out().lines().toList();
    }

    @Test
    void theRealCompilerAcceptsTheTreeAndSeesTheOrderWeMean() throws IOException {
        Path db = dir.resolve("db");
        Shell.Result compiled = compile(db);
        assertThat(compiled.exitCode()).as("s6-rc-compile: %s", compiled.err()).isZero();

        assertThat(db(db, "list", "all")).contains("init-certs", "traefik", "socks5", "user", "base");
        assertThat(db(db, "type", "init-certs")).containsExactly("oneshot");
        assertThat(db(db, "type", "traefik")).containsExactly("longrun");
        assertThat(db(db, "type", "socks5")).containsExactly("longrun");
        assertThat(db(db, "contents", "user")).containsExactlyInAnyOrder("init-certs", "traefik", "socks5");
        assertThat(db(db, "all-dependencies", "traefik")).contains("init-certs").doesNotContain("socks5");
        assertThat(db(db, "all-dependencies", "socks5")).contains("traefik", "init-certs");
        assertThat(Files.readString(db.resolve("servicedirs/traefik/timeout-kill")).strip())
                .as("s6 waits this long after SIGTERM before SIGKILL").isEqualTo("8000");
    }

    @Test
    void aDependencyOnAServiceThatDoesNotExistIsRefused() throws IOException {
        Files.writeString(root.resolve(USER_TREE).resolve("traefik/dependencies.d/no-such-service"), "");
        Shell.Result compiled = compile(dir.resolve("db"));
        assertThat(compiled.exitCode()).isNotZero();
        assertThat(compiled.err()).contains("no-such-service");
    }
}
