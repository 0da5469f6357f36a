package com.orodc.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.command.CreateContainerCmd;
import com.github.dockerjava.api.command.HealthState;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.AccessMode;
import com.github.dockerjava.api.model.Bind;
import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.api.model.ContainerPort;
import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.HealthCheck;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.InternetProtocol;
import com.github.dockerjava.api.model.LogConfig;
import com.github.dockerjava.api.model.Ports;
import com.github.dockerjava.api.model.RestartPolicy;
import com.github.dockerjava.api.model.Volume;
import com.orodc.core.ExitCode;
import com.orodc.core.OrodcException;
import com.orodc.core.ProxyContainerSpec;

import java.io.Closeable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/** Creating, inspecting and removing the proxy container (and its network) through docker-java. */
public final class ProxyContainers {
    private final DockerClient docker;

    public ProxyContainers(DockerClient docker) {
        this.docker = docker;
    }

    public Optional<ContainerInfo> find(String name) {
        try {
            return Optional.of(info(docker.inspectContainerCmd(name).exec()));
        } catch (NotFoundException e) {
            return Optional.empty();
        }
    }

    private static ContainerInfo info(InspectContainerResponse c) {
        InspectContainerResponse.ContainerState state = c.getState();
        HealthState health = state.getHealth();
        String lastHealth = health == null || health.getLog() == null || health.getLog().isEmpty() ? ""
                : String.valueOf(health.getLog().get(health.getLog().size() - 1).getOutput()).strip();
        Map<Integer, List<String>> bindings = new TreeMap<>();
        if (c.getHostConfig() != null && c.getHostConfig().getPortBindings() != null) {
            c.getHostConfig().getPortBindings().getBindings().forEach((port, bound) -> {
                if (port.getProtocol() == InternetProtocol.TCP && bound != null) {
                    bindings.put(port.getPort(), Arrays.stream(bound).map(b -> b.getHostIp() + ":" + b.getHostPortSpec()).toList());
                }
            });
        }
        return new ContainerInfo(c.getId(), c.getName() == null ? "" : c.getName().replace("/", ""),
                c.getConfig().getImage(), c.getImageId(), Boolean.TRUE.equals(state.getRunning()), state.getStatus(),
                state.getExitCodeLong() == null ? 0 : state.getExitCodeLong(), state.getStartedAt(),
                c.getRestartCount() == null ? 0 : c.getRestartCount(),
                Optional.ofNullable(health).map(HealthState::getStatus), lastHealth, c.getConfig().getLabels(), bindings);
    }

    /** The host ports the engine has published for the container now (none when it is not running). */
    public Set<Integer> publishedPorts(String id) {
        return EngineException.call(() -> docker.listContainersCmd().withShowAll(true).withIdFilter(List.of(id)).exec()).stream()
                .map(Container::getPorts).filter(Objects::nonNull).flatMap(Arrays::stream)
                .map(ContainerPort::getPublicPort).filter(Objects::nonNull).collect(Collectors.toSet());
    }

    /**
     * Creates the container on the spec's ports network and attaches it to the shared network under
     * {@code aliases}, before it starts: both endpoints come up together and the names resolve from the start.
     */
    public String create(ProxyContainerSpec spec, String hash, Collection<String> aliases) {
        Ports bindings = new Ports();
        List<ExposedPort> exposed = new ArrayList<>();
        for (ProxyContainerSpec.PortMapping p : spec.ports()) {
            ExposedPort port = ExposedPort.tcp(p.containerPort());
            exposed.add(port);
            bindings.bind(port, Ports.Binding.bindIpAndPort(p.hostIp(), p.hostPort()));
        }
        List<Bind> binds = spec.mounts().stream()
                .map(m -> new Bind(m.source(), new Volume(m.target()), m.readOnly() ? AccessMode.ro : AccessMode.rw))
                .toList();
        Map<String, String> labels = new HashMap<>(spec.labels());
        labels.put(ProxyContainerSpec.MANAGED_LABEL, "true");
        labels.put(ProxyContainerSpec.HASH_LABEL, hash);
        HostConfig host = HostConfig.newHostConfig()
                .withPortBindings(bindings)
                .withBinds(binds)
                .withNetworkMode(spec.portsNetwork())
                .withRestartPolicy(RestartPolicy.parse(spec.restartPolicy()))
                .withMemory(spec.memoryBytes())
                .withLogConfig(new LogConfig(LogConfig.LoggingType.JSON_FILE, spec.logOptions()));
        String id;
        try (CreateContainerCmd cmd = docker.createContainerCmd(spec.image())) {
            id = EngineException.call(() -> cmd.withName(spec.name())
                    .withEnv(spec.env().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList())
                    .withLabels(labels)
                    .withExposedPorts(exposed)
                    .withHostConfig(host)
                    .withStopTimeout((int) spec.stopTimeout().toSeconds())
                    .withHealthcheck(new HealthCheck().withTest(spec.healthcheck())
                            .withInterval(spec.healthInterval().toNanos())
                            .withTimeout(spec.healthTimeout().toNanos())
                            .withRetries(spec.healthRetries())
                            .withStartPeriod(spec.healthStartPeriod().toNanos()))
                    .exec().getId());
        }
        try {
            new DockerNetworks(docker).connect(id, spec.network(), aliases);
        } catch (EngineException e) {
            remove(id); // a container on one of its two networks would serve nothing
            throw e;
        }
        return id;
    }

    public void start(String id) {
        EngineException.run(() -> docker.startContainerCmd(id).exec());
    }

    /** Stops within {@code timeout}, then the engine kills it: pass the spec's stop timeout. */
    public void stop(String id, Duration timeout) {
        EngineException.run(() -> docker.stopContainerCmd(id).withTimeout((int) timeout.toSeconds()).exec());
    }

    public void restart(String id, Duration timeout) {
        EngineException.run(() -> docker.restartContainerCmd(id).withTimeout((int) timeout.toSeconds()).exec());
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
            // 304 (already stopped) and a container that is only created land here too: removal settles it
        }
        remove(id);
    }

    public void rename(String id, String name) {
        EngineException.run(() -> docker.renameContainerCmd(id).withName(name).exec());
    }

    /** Containers of any state whose name starts with {@code prefix}. */
    public List<ContainerInfo> findNamedFrom(String prefix) {
        return EngineException.call(() -> docker.listContainersCmd().withShowAll(true).withNameFilter(List.of(prefix)).exec()).stream()
                .flatMap(c -> Arrays.stream(c.getNames() == null ? new String[0] : c.getNames()))
                .map(n -> n.replace("/", ""))
                .filter(n -> n.startsWith(prefix))
                .map(this::find).flatMap(Optional::stream).toList();
    }

    public void remove(String id) {
        EngineException.run(() -> docker.removeContainerCmd(id).withForce(true).exec());
    }

    /** Polls the container's health until healthy, unhealthy, exited or the timeout; returns the last status. */
    public String waitHealthy(String id, Duration timeout, Consumer<String> onStatus) {
        long deadline = System.nanoTime() + timeout.toNanos();
        String last = "starting";
        while (System.nanoTime() < deadline) {
            InspectContainerResponse.ContainerState state = EngineException.call(() -> docker.inspectContainerCmd(id).exec()).getState();
            if (!Boolean.TRUE.equals(state.getRunning())) {
                return "exited (" + state.getExitCodeLong() + ")";
            }
            last = state.getHealth() == null ? "running (no healthcheck)" : state.getHealth().getStatus();
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
        ResultCallback.Adapter<Frame> callback = new ResultCallback.Adapter<>() {
            @Override
            public void onNext(Frame frame) {
                new String(frame.getPayload(), StandardCharsets.UTF_8).lines().forEach(sink);
            }
        };
        try (Closeable ignored = EngineException.call(() -> docker.logContainerCmd(id).withStdOut(true).withStdErr(true)
                .withTail(tail).withFollowStream(follow).exec(callback))) {
            if (follow) {
                callback.awaitCompletion();
            } else {
                callback.awaitCompletion(30, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            throw OrodcException.io("reading the logs of container " + id + " failed: " + e.getMessage(), e);
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
