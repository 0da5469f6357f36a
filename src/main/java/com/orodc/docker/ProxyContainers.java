package com.orodc.docker;

import com.orodc.core.ExitCode;
import com.orodc.core.OrodcException;
import com.orodc.core.ProxyContainerSpec;
import com.orodc.core.json.Json;
import com.orodc.docker.api.EngineHttp;
import com.orodc.docker.api.EngineResponse;
import com.orodc.docker.api.OutputFrames;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;

/** Creating, inspecting and removing the proxy container (and its network). */
public final class ProxyContainers {
    private final EngineHttp http;

    ProxyContainers(EngineHttp http) {
        this.http = http;
    }

    public Optional<ContainerInfo> find(String name) {
        try {
            return Optional.of(info(inspect(name)));
        } catch (EngineException e) {
            if (e.notFound()) {
                return Optional.empty();
            }
            throw e;
        }
    }

    private Map<String, Object> inspect(String nameOrId) {
        return EngineException.call(() -> http.object("GET", "/containers/" + EngineQueries.id(nameOrId) + "/json", null));
    }

    @SuppressWarnings("unchecked")
    private static ContainerInfo info(Map<String, Object> c) {
        Map<String, Object> state = Json.object(c, "State");
        Map<String, Object> health = state.get("Health") == null ? null : Json.object(state, "Health");
        List<Object> log = health == null ? List.of() : Json.array(health, "Log");
        String lastHealth = log.isEmpty() ? "" : String.valueOf(((Map<String, Object>) log.get(log.size() - 1)).get("Output")).strip();
        Map<Integer, List<String>> bindings = new TreeMap<>();
        Map<String, Object> ports = Json.object(Json.object(c, "HostConfig"), "PortBindings");
        ports.forEach((port, bound) -> {
            String[] numberAndProtocol = port.split("/", 2);
            boolean tcp = numberAndProtocol.length == 1 || numberAndProtocol[1].equals("tcp");
            if (tcp && bound instanceof List<?> list) {
                bindings.put(Integer.parseInt(numberAndProtocol[0]), list.stream().map(b -> (Map<String, Object>) b)
                        .map(b -> Json.string(b, "HostIp", "") + ":" + Json.string(b, "HostPort", "")).toList());
            }
        });
        Map<String, Object> config = Json.object(c, "Config");
        return new ContainerInfo(Json.string(c, "Id", ""), Json.string(c, "Name", "").replace("/", ""),
                Json.string(config, "Image", null), Json.string(c, "Image", null), Json.bool(state, "Running"),
                Json.string(state, "Status", null), Json.number(state, "ExitCode", 0), Json.string(state, "StartedAt", null),
                Json.number(c, "RestartCount", 0),
                Optional.ofNullable(health).map(h -> Json.string(h, "Status", null)), lastHealth, Json.strings(config, "Labels"), bindings);
    }

    /** The host ports the engine has published for the container now (none when it is not running). */
    @SuppressWarnings("unchecked")
    public Set<Integer> publishedPorts(String id) {
        Set<Integer> published = new TreeSet<>();
        for (Map<String, Object> c : listAll("id", id)) {
            for (Object p : Json.array(c, "Ports")) {
                Object port = ((Map<String, Object>) p).get("PublicPort");
                if (port instanceof Long n) {
                    published.add(n.intValue());
                }
            }
        }
        return published;
    }

    /** Containers of any state, filtered by one of the engine's filters. */
    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> listAll(String filter, String value) {
        Object list = EngineException.call(() -> http.json("GET", "/containers/json?all=true&" + EngineQueries.filters(filter, value), null));
        return (list instanceof List<?> l ? l : List.of()).stream().map(o -> (Map<String, Object>) o).toList();
    }

    /**
     * Creates the container on the spec's ports network and attaches it to the shared network under
     * {@code aliases}, before it starts: both endpoints come up together and the names resolve from the start.
     */
    public String create(ProxyContainerSpec spec, String hash, Collection<String> aliases) {
        String id = Json.string(EngineException.call(() -> http.object("POST", "/containers/create?name=" + EngineHttp.encode(spec.name()),
                createBody(spec, hash))), "Id", "");
        try {
            new DockerNetworks(http).connect(id, spec.network(), aliases);
        } catch (EngineException e) {
            remove(id); // a container on one of its two networks would serve nothing
            throw e;
        }
        return id;
    }

    /** The container's configuration as the engine takes it: every field of the spec, nothing left to the engine's defaults. */
    static Map<String, Object> createBody(ProxyContainerSpec spec, String hash) {
        Map<String, Object> exposed = new TreeMap<>();
        Map<String, Object> bindings = new TreeMap<>();
        for (ProxyContainerSpec.PortMapping p : spec.ports()) {
            String port = p.containerPort() + "/tcp";
            exposed.put(port, Map.of());
            bindings.put(port, List.of(Map.of("HostIp", p.hostIp(), "HostPort", String.valueOf(p.hostPort()))));
        }
        List<String> binds = spec.mounts().stream()
                .map(m -> m.source() + ":" + m.target() + ":" + (m.readOnly() ? "ro" : "rw"))
                .toList();
        Map<String, String> labels = new HashMap<>(spec.labels());
        labels.put(ProxyContainerSpec.MANAGED_LABEL, "true");
        labels.put(ProxyContainerSpec.HASH_LABEL, hash);
        Map<String, Object> host = new LinkedHashMap<>();
        host.put("Binds", binds);
        host.put("LogConfig", Map.of("Type", "json-file", "Config", spec.logOptions()));
        host.put("Memory", spec.memoryBytes());
        host.put("NetworkMode", spec.portsNetwork());
        host.put("PortBindings", bindings);
        host.put("RestartPolicy", restartPolicy(spec.restartPolicy()));
        Map<String, Object> health = new LinkedHashMap<>();
        health.put("Interval", spec.healthInterval().toNanos());
        health.put("Timeout", spec.healthTimeout().toNanos());
        health.put("Test", spec.healthcheck());
        health.put("Retries", (long) spec.healthRetries());
        health.put("StartPeriod", spec.healthStartPeriod().toNanos());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("Env", spec.env().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList());
        body.put("Healthcheck", health);
        body.put("Image", spec.image());
        body.put("Volumes", Map.of());
        body.put("ExposedPorts", exposed);
        body.put("StopTimeout", spec.stopTimeout().toSeconds());
        body.put("HostConfig", host);
        body.put("Labels", labels);
        return body;
    }

    /** {@code name} or {@code on-failure:N}, as {@code docker run --restart} takes it. */
    private static Map<String, Object> restartPolicy(String policy) {
        int colon = policy.indexOf(':');
        String name = colon < 0 ? policy : policy.substring(0, colon);
        long retries = 0;
        if (colon >= 0) {
            try {
                retries = Long.parseLong(policy.substring(colon + 1));
            } catch (NumberFormatException e) {
                throw OrodcException.usage("restart policy '" + policy + "' is not valid: expected NAME or on-failure:COUNT");
            }
        }
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("MaximumRetryCount", retries);
        p.put("Name", name);
        return p;
    }

    /** Starts it; one that already runs is left as it is, as {@code docker start} does. */
    public void start(String id) {
        unlessAlreadyThere(() -> http.json("POST", "/containers/" + EngineQueries.id(id) + "/start", null));
    }

    /**
     * Stops within {@code timeout}, then the engine kills it: pass the spec's stop timeout. One that is not running
     * (stopped, exited, only created) is left as it is, as {@code docker stop} does.
     */
    public void stop(String id, Duration timeout) {
        unlessAlreadyThere(() -> http.json("POST", "/containers/" + EngineQueries.id(id) + "/stop?t=" + timeout.toSeconds(), null));
    }

    private static void unlessAlreadyThere(Runnable call) {
        try {
            EngineException.run(call);
        } catch (EngineException e) {
            if (!e.alreadyThere()) {
                throw e;
            }
        }
    }

    public void restart(String id, Duration timeout) {
        EngineException.run(() -> http.json("POST", "/containers/" + EngineQueries.id(id) + "/restart?t=" + timeout.toSeconds(), null));
    }

    /**
     * Stops the container the way {@code docker stop} does (SIGTERM, then SIGKILL after {@code timeout}) and
     * removes it: the services inside end cleanly instead of being killed by a forced removal.
     */
    public void stopAndRemove(String id, Duration timeout) {
        try {
            stop(id, timeout);
        } catch (EngineException e) {
            if (e.notFound()) {
                return;
            }
            // a container in another state the engine cannot stop from lands here too: removal settles it
        }
        remove(id);
    }

    public void rename(String id, String name) {
        EngineException.run(() -> http.json("POST", "/containers/" + EngineQueries.id(id) + "/rename?name=" + EngineHttp.encode(name), null));
    }

    /** Containers of any state whose name starts with {@code prefix}. */
    public List<ContainerInfo> findNamedFrom(String prefix) {
        return listAll("name", prefix).stream()
                .flatMap(c -> Json.stringList(c, "Names").stream())
                .map(n -> n.replace("/", ""))
                .filter(n -> n.startsWith(prefix))
                .map(this::find).flatMap(Optional::stream).toList();
    }

    public void remove(String id) {
        EngineException.run(() -> http.json("DELETE", "/containers/" + EngineQueries.id(id) + "?force=true", null));
    }

    /** Polls the container's health until healthy, unhealthy, exited or the timeout; returns the last status. */
    public String waitHealthy(String id, Duration timeout, Consumer<String> onStatus) {
        long deadline = System.nanoTime() + timeout.toNanos();
        String last = "starting";
        while (System.nanoTime() < deadline) {
            Map<String, Object> state = Json.object(inspect(id), "State");
            if (!Json.bool(state, "Running")) {
                return "exited (" + state.get("ExitCode") + ")";
            }
            last = state.get("Health") == null ? "running (no healthcheck)" : Json.string(Json.object(state, "Health"), "Status", null);
            onStatus.accept(last);
            if (!last.equals("starting")) {
                return last;
            }
            sleep(500);
        }
        return last + " after " + timeout.toSeconds() + " s";
    }

    public List<String> logs(String id, int tail) {
        List<String> lines = new ArrayList<>();
        logs(id, tail, false, lines::add);
        return lines;
    }

    /**
     * Passes the container's last {@code tail} log lines to {@code sink}, then, with {@code follow}, new ones
     * until the container stops or the thread is interrupted. Without follow it waits 30 s at most.
     */
    public void logs(String id, int tail, boolean follow, Consumer<String> sink) {
        String query = "/containers/" + EngineQueries.id(id) + "/logs?stdout=true&stderr=true&tail=" + tail + "&follow=" + follow;
        try (EngineResponse stream = EngineException.call(() -> http.send("GET", query, null));
             Deadline deadline = Deadline.closing(stream, follow ? Long.MAX_VALUE : 30_000)) {
            try {
                OutputFrames.read(stream.body(), (kind, payload) -> new String(payload, StandardCharsets.UTF_8).lines().forEach(sink));
            } catch (IOException e) {
                // an interrupt closes the socket under the read; the deadline closes it too
                if (!Thread.currentThread().isInterrupted() && !deadline.passed()) {
                    throw OrodcException.io("reading the logs of container " + id + " failed: " + e.getMessage(), e);
                }
            }
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OrodcException(ExitCode.FAILURE, "interrupted while waiting for the proxy container");
        }
    }
}
