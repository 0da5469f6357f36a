package com.orodc.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.command.CreateContainerCmd;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.AccessMode;
import com.github.dockerjava.api.model.Bind;
import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.HealthCheck;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.LogConfig;
import com.github.dockerjava.api.model.Ports;
import com.github.dockerjava.api.model.RestartPolicy;
import com.github.dockerjava.api.model.Volume;
import com.orodc.core.ExitCode;
import com.orodc.core.ProxyContainerSpec;
import com.orodc.core.OrodcException;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/** Creating, inspecting and removing the proxy container (and its network) through docker-java. */
public final class ProxyContainers {
    private final DockerClient docker;

    public ProxyContainers(DockerClient docker) {
        this.docker = docker;
    }

    public Optional<InspectContainerResponse> find(String name) {
        try {
            return Optional.of(docker.inspectContainerCmd(name).exec());
        } catch (NotFoundException e) {
            return Optional.empty();
        }
    }

    public static boolean isManaged(InspectContainerResponse container) {
        Map<String, String> labels = container.getConfig().getLabels();
        return labels != null && "true".equals(labels.get(ProxyContainerSpec.MANAGED_LABEL));
    }

    public static String hashOf(InspectContainerResponse container) {
        Map<String, String> labels = container.getConfig().getLabels();
        return labels == null ? "" : labels.getOrDefault(ProxyContainerSpec.HASH_LABEL, "");
    }

    /** Creates the network when missing; returns true when it was created. */
    public boolean ensureNetwork(String name) {
        boolean exists = docker.listNetworksCmd().withNameFilter(name).exec().stream().anyMatch(n -> n.getName().equals(name));
        if (exists) {
            return false;
        }
        docker.createNetworkCmd().withName(name).withDriver("bridge")
                .withLabels(Map.of(ProxyContainerSpec.MANAGED_LABEL, "true")).exec();
        return true;
    }

    public String create(ProxyContainerSpec spec, String hash) {
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
                .withNetworkMode(spec.network())
                .withRestartPolicy(RestartPolicy.parse(spec.restartPolicy()))
                .withMemory(spec.memoryBytes())
                .withLogConfig(new LogConfig(LogConfig.LoggingType.JSON_FILE, spec.logOptions()));
        try (CreateContainerCmd cmd = docker.createContainerCmd(spec.image())) {
            return cmd.withName(spec.name())
                    .withEnv(spec.env().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList())
                    .withLabels(labels)
                    .withExposedPorts(exposed)
                    .withHostConfig(host)
                    .withHealthcheck(new HealthCheck().withTest(spec.healthcheck())
                            .withInterval(spec.healthInterval().toNanos())
                            .withTimeout(spec.healthTimeout().toNanos())
                            .withRetries(spec.healthRetries())
                            .withStartPeriod(spec.healthStartPeriod().toNanos()))
                    .exec().getId();
        }
    }

    public void start(String id) {
        docker.startContainerCmd(id).exec();
    }

    public void stop(String id) {
        docker.stopContainerCmd(id).withTimeout(10).exec();
    }

    public void remove(String id) {
        docker.removeContainerCmd(id).withForce(true).exec();
    }

    /** Polls the container's health until healthy, unhealthy, exited or the timeout; returns the last status. */
    public String waitHealthy(String id, Duration timeout, Consumer<String> onStatus) {
        long deadline = System.nanoTime() + timeout.toNanos();
        String last = "starting";
        while (System.nanoTime() < deadline) {
            InspectContainerResponse.ContainerState state = docker.inspectContainerCmd(id).exec().getState();
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
        ResultCallback.Adapter<Frame> callback = new ResultCallback.Adapter<>() {
            @Override
            public void onNext(Frame frame) {
                new String(frame.getPayload(), StandardCharsets.UTF_8).lines().forEach(lines::add);
            }
        };
        try {
            docker.logContainerCmd(id).withStdOut(true).withStdErr(true).withTail(tail).exec(callback)
                    .awaitCompletion(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return lines;
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
