package com.orodc.services;

import com.orodc.testing.HostTools;
import com.orodc.testing.Shell;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Runs one of the image's service scripts with busybox sh, the shell the image has at /bin/sh.
 * The shebang is skipped on purpose: {@code /command/with-contenv} only exists in the image, and what
 * it adds (the container's environment) is given here as an explicit, otherwise empty environment.
 */
final class ServiceScript {
    /** Debian 12's /bin/busybox or Ubuntu's /usr/bin/busybox; when neither is there, run() says how to install it. */
    static final Path BUSYBOX = HostTools.findBusybox().orElse(Path.of("/bin/busybox"));
    /** The top-level folders of the repository, where the image's files come from. */
    static final Path S6_RC = Path.of("s6-rc.d");
    static final Path SCRIPTS = Path.of("s6-overlay", "scripts");

    record Result(int exitCode, String out, String err) {
        String output() {
            return out + err;
        }
    }

    private ServiceScript() {
    }

    static Result run(Path script, Path workingDir, Map<String, String> env, String... args) {
        if (!Files.isExecutable(BUSYBOX)) {
            throw new AssertionError(BUSYBOX + " is missing: install busybox-static (.ci/install-deps test)");
        }
        List<String> command = new ArrayList<>(List.of(BUSYBOX.toString(), "sh", script.toAbsolutePath().toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(workingDir.toFile());
        pb.environment().clear();
        pb.environment().putAll(env);
        Shell.Result r = Shell.run(pb, 30);
        return new Result(r.exitCode(), r.out(), r.err());
    }

    /** A small busybox script standing in for a program of the image (s6-svc, traefik, the SOCKS5 binary). */
    static Path standIn(Path dir, String name, String body) {
        try {
            Files.createDirectories(dir);
            Path file = dir.resolve(name);
            Files.writeString(file, "#!" + BUSYBOX + " sh\n" + body + "\n", StandardCharsets.UTF_8);
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
