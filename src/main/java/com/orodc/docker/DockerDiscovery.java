package com.orodc.docker;

import com.orodc.core.ExitCode;
import com.orodc.core.OrodcException;
import com.orodc.core.Reporter;
import com.orodc.core.Sha256;
import com.orodc.core.json.Json;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Finds the Docker engine the way the docker CLI and the desktop products place it, in order:
 * DOCKER_HOST (alone, when set), the current docker context, the system socket, Docker Desktop, Colima, OrbStack,
 * Rancher Desktop, Podman. The first endpoint that answers a ping wins; when none does, every
 * attempt is reported.
 */
public final class DockerDiscovery {
    public record Attempt(String source, String target, String outcome) {
    }

    private final Map<String, String> env;
    private final Path home;
    private final Path systemSocket;
    private final Predicate<URI> ping;

    public DockerDiscovery(Map<String, String> env, Path systemSocket, Predicate<URI> ping) {
        this.env = env;
        this.home = Path.of(env.getOrDefault("HOME", System.getProperty("user.home")));
        this.systemSocket = systemSocket;
        this.ping = ping;
    }

    /** Every candidate in order; a candidate that does not exist carries why, and no URI. */
    List<Candidate> candidates() {
        List<Candidate> list = new ArrayList<>();
        String dockerHost = env.get("DOCKER_HOST");
        if (dockerHost != null && !dockerHost.isBlank()) {
            // as with the docker CLI, an explicit DOCKER_HOST is the only place: never silently another engine
            return List.of(Candidate.of("DOCKER_HOST", DockerHost.parse(dockerHost, "DOCKER_HOST")));
        }
        list.add(Candidate.absent("DOCKER_HOST", "not set"));
        list.add(context());
        list.add(socket("system socket", systemSocket));
        list.add(socket("Docker Desktop", home.resolve(".docker/run/docker.sock"), home.resolve(".docker/desktop/docker.sock")));
        list.add(socket("Colima", home.resolve(".colima/default/docker.sock"), home.resolve(".config/colima/default/docker.sock")));
        list.add(socket("OrbStack", home.resolve(".orbstack/run/docker.sock")));
        list.add(socket("Rancher Desktop", home.resolve(".rd/docker.sock")));
        List<Path> podman = new ArrayList<>();
        Optional.ofNullable(env.get("XDG_RUNTIME_DIR")).ifPresent(dir -> podman.add(Path.of(dir, "podman/podman.sock")));
        podman.add(Path.of("/run/podman/podman.sock"));
        podman.add(home.resolve(".local/share/containers/podman/machine/podman.sock"));
        podman.add(home.resolve(".local/share/containers/podman/machine/qemu/podman.sock"));
        list.add(socket("Podman", podman.toArray(Path[]::new)));
        return list;
    }

    public DockerEndpoint discover(Reporter reporter) {
        List<Attempt> attempts = new ArrayList<>();
        for (Candidate c : candidates()) {
            if (c.uri() == null) {
                attempts.add(new Attempt(c.source(), "-", c.why()));
                continue;
            }
            if (ping.test(c.uri())) {
                reporter.debug("Docker found through " + c.source() + " at " + c.uri());
                return new DockerEndpoint(c.source(), c.uri());
            }
            attempts.add(new Attempt(c.source(), c.uri().toString(), "no answer to ping"));
        }
        for (Attempt a : attempts) {
            reporter.warn(String.format("Docker not at %s %s: %s", a.source(), a.target(), a.outcome()));
        }
        if (attempts.size() == 1) {
            throw new OrodcException(ExitCode.DOCKER_UNREACHABLE, "Docker is not reachable at DOCKER_HOST=" + attempts.get(0).target()
                    + ": start it there, or unset DOCKER_HOST to look in the usual places");
        }
        throw new OrodcException(ExitCode.DOCKER_UNREACHABLE, "Docker is not reachable (tried " + attempts.size()
                + " places, listed above): start Docker, or set DOCKER_HOST to where it listens");
    }

    private Candidate context() {
        Path config = Path.of(env.getOrDefault("DOCKER_CONFIG", home.resolve(".docker").toString()));
        String name = env.get("DOCKER_CONTEXT");
        try {
            if (name == null && Files.isRegularFile(config.resolve("config.json"))) {
                Object current = Json.parseObject(Files.readString(config.resolve("config.json"))).get("currentContext");
                name = current instanceof String s ? s : null;
            }
            if (name == null || name.isBlank() || name.equals("default")) {
                return Candidate.absent("docker context", "none selected besides 'default'");
            }
            Path meta = config.resolve("contexts/meta").resolve(Sha256.of(name.getBytes(StandardCharsets.UTF_8))).resolve("meta.json");
            if (!Files.isRegularFile(meta)) {
                return Candidate.absent("docker context '" + name + "'", "no " + meta);
            }
            Object found = Json.object(Json.object(Json.parseObject(Files.readString(meta)), "Endpoints"), "docker").get("Host");
            String host = found instanceof String s ? s : "";
            return host.isEmpty()
                    ? Candidate.absent("docker context '" + name + "'", "no docker endpoint in " + meta)
                    : Candidate.of("docker context '" + name + "'", DockerHost.parse(host, "the docker endpoint of context '" + name + "' in " + meta));
        } catch (IOException | IllegalArgumentException e) {
            return Candidate.absent("docker context", "unreadable: " + e.getMessage());
        }
    }

    private static Candidate socket(String source, Path... paths) {
        for (Path p : paths) {
            if (Files.exists(p)) {
                return Candidate.of(source, URI.create("unix://" + p.toAbsolutePath()));
            }
        }
        return Candidate.absent(source, "no socket at " + paths[0]);
    }


    record Candidate(String source, URI uri, String why) {
        static Candidate of(String source, URI uri) {
            return new Candidate(source, uri, null);
        }

        static Candidate absent(String source, String why) {
            return new Candidate(source, null, why);
        }
    }
}
