package com.orodc.workflow;

import com.orodc.core.IpLiteral;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.command.InspectImageResponse;
import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.Ports;
import com.orodc.core.OrodcConfig;
import com.orodc.docker.ContainerExec;
import com.orodc.docker.DockerEngine;
import com.orodc.docker.ProxyContainers;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** What proxy-status learns from the Docker engine about the proxy container. */
final class ContainerChecks {
    private final DockerEngine engine;

    ContainerChecks(DockerEngine engine) {
        this.engine = engine;
    }

    StatusCheck docker() {
        var v = engine.version();
        return StatusCheck.ok("docker", "Docker", "Engine " + v.getVersion() + ", API " + v.getApiVersion()
                + " via " + engine.endpoint());
    }

    List<StatusCheck> container(InspectContainerResponse c) {
        List<StatusCheck> checks = new ArrayList<>();
        var state = c.getState();
        boolean running = Boolean.TRUE.equals(state.getRunning());
        String managed = ProxyContainers.isManaged(c) ? "" : " (not created by orodc)";
        if (!running) {
            checks.add(StatusCheck.fail("container", "Container", c.getName().replace("/", "") + " is " + state.getStatus() + managed,
                    "start it: orodc proxy up"));
            return checks;
        }
        String uptime = uptime(state.getStartedAt());
        long restarts = c.getRestartCount() == null ? 0 : c.getRestartCount();
        checks.add(restarts > 3
                ? StatusCheck.warn("container", "Container", "running for " + uptime + ", restarted " + restarts + " times" + managed,
                        "look for the crash in: orodc proxy logs")
                : StatusCheck.ok("container", "Container", "running for " + uptime + ", " + restarts + " restarts" + managed));
        var health = state.getHealth();
        String status = health == null ? "none" : health.getStatus();
        if ("healthy".equals(status)) {
            checks.add(StatusCheck.ok("health", "Health", "healthy"));
        } else {
            String last = health == null || health.getLog() == null || health.getLog().isEmpty() ? ""
                    : "; last check: " + health.getLog().get(health.getLog().size() - 1).getOutput().strip();
            checks.add(StatusCheck.fail("health", "Health", status + last, "see why: orodc proxy logs; then orodc proxy restart"));
        }
        return checks;
    }

    StatusCheck image(InspectContainerResponse c) {
        try {
            InspectImageResponse image = engine.client().inspectImageCmd(c.getImageId()).exec();
            Map<String, String> components = new TreeMap<>();
            Map<String, String> labels = image.getConfig() == null || image.getConfig().getLabels() == null
                    ? Map.of() : image.getConfig().getLabels();
            labels.forEach((k, v) -> {
                if (k.startsWith("orodc.component.") || k.equals("org.opencontainers.image.version")) {
                    components.put(k.replace("orodc.component.", ""), v);
                }
            });
            String detail = c.getConfig().getImage() + " (" + c.getImageId().substring(0, Math.min(19, c.getImageId().length())) + ")"
                    + (components.isEmpty() ? "" : " " + components);
            return StatusCheck.ok("image", "Image", detail);
        } catch (DockerException e) {
            return StatusCheck.warn("image", "Image", c.getConfig().getImage() + ": cannot inspect (" + e.getMessage() + ")",
                    "rebuild or pull it: orodc install-proxy --build");
        }
    }

    StatusCheck bindings(InspectContainerResponse c, OrodcConfig config) {
        Map<ExposedPort, Ports.Binding[]> bound = c.getHostConfig().getPortBindings() == null
                ? Map.of() : c.getHostConfig().getPortBindings().getBindings();
        List<String> problems = new ArrayList<>();
        List<String> seen = new ArrayList<>();
        expect(bound, 80, IpLiteral.of(config.bindAddress()), config.httpPort(), "TRAEFIK_BIND_PORT", problems, seen);
        expect(bound, 443, IpLiteral.of(config.bindAddress()), config.httpsPort(), "TRAEFIK_HTTPS_BIND_PORT", problems, seen);
        if (config.socks5Enabled()) {
            expect(bound, config.socks5Port(), IpLiteral.of(config.socks5Bind()), config.socks5Port(), "DC_PROXY_SOCKS5_PORT", problems, seen);
        }
        return problems.isEmpty()
                ? StatusCheck.ok("ports", "Ports", String.join(", ", seen))
                : StatusCheck.fail("ports", "Ports", String.join("; ", problems), "apply the current settings: orodc install-proxy");
    }

    private static void expect(Map<ExposedPort, Ports.Binding[]> bound, int containerPort, String ip, int hostPort, String variable,
                               List<String> problems, List<String> seen) {
        Ports.Binding[] bindings = bound.get(ExposedPort.tcp(containerPort));
        String wanted = ip + ":" + hostPort;
        if (bindings != null) {
            for (Ports.Binding b : bindings) {
                if (wanted.equals(b.getHostIp() + ":" + b.getHostPortSpec())) {
                    seen.add(wanted + "->" + containerPort);
                    return;
                }
            }
        }
        problems.add(wanted + " (" + variable + ") is not published by the container");
    }

    StatusCheck services(InspectContainerResponse c, OrodcConfig config) {
        try {
            ContainerExec.Result r = new ContainerExec(engine.client()).execute(c.getId(), List.of("s6-rc", "-a", "list"), 10);
            if (r.exitCode() != 0) {
                return StatusCheck.warn("services", "s6 services", "cannot list (s6-rc exit " + r.exitCode() + ": "
                        + (r.stderr() + r.stdout()).strip().lines().findFirst().orElse("") + ")", "is this the orodc proxy image? orodc install-proxy --build");
            }
            List<String> active = r.stdout().lines().map(String::strip).filter(s -> !s.isEmpty()).toList();
            List<String> expected = new ArrayList<>(List.of("init-certs", "traefik"));
            if (config.socks5Enabled()) {
                expected.add("socks5");
            }
            List<String> missing = expected.stream().filter(s -> !active.contains(s)).toList();
            return missing.isEmpty()
                    ? StatusCheck.ok("services", "s6 services", String.join(", ", expected) + " up")
                    : StatusCheck.fail("services", "s6 services", "not up: " + String.join(", ", missing), "see why: orodc proxy logs");
        } catch (DockerException e) {
            return StatusCheck.warn("services", "s6 services", "cannot exec into the container: " + e.getMessage(), null);
        }
    }

    private static String uptime(String startedAt) {
        try {
            Duration d = Duration.between(Instant.parse(startedAt), Instant.now());
            if (d.toDays() > 0) {
                return d.toDays() + "d " + d.toHoursPart() + "h";
            }
            if (d.toHours() > 0) {
                return d.toHours() + "h " + d.toMinutesPart() + "m";
            }
            return d.toMinutes() + "m " + d.toSecondsPart() + "s";
        } catch (RuntimeException e) {
            return "?";
        }
    }
}
