package com.orodc.workflow.status;

import com.orodc.core.IpLiteral;
import com.orodc.core.OrodcConfig;
import com.orodc.core.UntrustedText;
import com.orodc.docker.ContainerExec;
import com.orodc.docker.ContainerInfo;
import com.orodc.docker.DockerEngine;
import com.orodc.docker.EngineException;
import com.orodc.docker.ImageInfo;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** What proxy-status learns from the Docker engine about the proxy container. */
final class ContainerChecks {
    private final DockerEngine engine;

    ContainerChecks(DockerEngine engine) {
        this.engine = engine;
    }

    /** @param wsl in WSL 2 the line also says which engine: Docker Desktop's (WSL integration) or one inside the distribution */
    StatusCheck docker(boolean wsl) {
        var v = engine.version();
        String which = !wsl ? "" : DockerEngine.isDockerDesktop(engine.operatingSystem())
                ? ", Docker Desktop through its WSL integration" : ", an engine inside this distribution";
        return StatusCheck.ok("docker", "Docker", "Engine " + v.version() + ", API " + v.apiVersion()
                + " via " + engine.endpoint() + which);
    }

    List<StatusCheck> container(ContainerInfo c) {
        List<StatusCheck> checks = new ArrayList<>();
        String managed = c.managed() ? "" : " (not created by orodc)";
        if (!c.running()) {
            checks.add(StatusCheck.fail("container", "Container", c.name() + " is " + c.status() + managed,
                    "start it: orodc proxy up"));
            return checks;
        }
        String uptime = uptime(c.startedAt());
        long restarts = c.restartCount();
        checks.add(restarts > 3
                ? StatusCheck.warn("container", "Container", "running for " + uptime + ", restarted " + restarts + " times" + managed,
                        "look for the crash in: orodc proxy logs")
                : StatusCheck.ok("container", "Container", "running for " + uptime + ", " + restarts + " restarts" + managed));
        String status = c.health().orElse("none");
        if ("healthy".equals(status)) {
            checks.add(StatusCheck.ok("health", "Health", "healthy"));
        } else {
            String last = c.lastHealthOutput().isEmpty() ? "" : "; last check: " + UntrustedText.of(c.lastHealthOutput().strip(), 200);
            checks.add(StatusCheck.fail("health", "Health", status + last, "see why: orodc proxy logs; then orodc proxy restart"));
        }
        return checks;
    }

    StatusCheck image(ContainerInfo c) {
        try {
            Optional<ImageInfo> image = engine.images().find(c.imageId());
            if (image.isEmpty()) {
                return StatusCheck.warn("image", "Image", c.image() + ": the engine no longer has it",
                        "rebuild or pull it: orodc install-proxy --build");
            }
            Map<String, String> components = new TreeMap<>();
            image.get().labels().forEach((k, v) -> {
                if (k.startsWith("orodc.component.") || k.equals("org.opencontainers.image.version")) {
                    // an image named by ORODC_PROXY_IMAGE can be anyone's: its labels are shown escaped
                    components.put(UntrustedText.of(k.replace("orodc.component.", "")), UntrustedText.of(v));
                }
            });
            String detail = c.image() + " (" + c.imageId().substring(0, Math.min(19, c.imageId().length())) + ")"
                    + (components.isEmpty() ? "" : " " + components);
            return StatusCheck.ok("image", "Image", detail);
        } catch (EngineException e) {
            return StatusCheck.warn("image", "Image", c.image() + ": cannot inspect (" + e.getMessage() + ")",
                    "rebuild or pull it: orodc install-proxy --build");
        }
    }

    StatusCheck bindings(ContainerInfo c, OrodcConfig config) {
        Map<Integer, List<String>> bound = c.portBindings();
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

    private static void expect(Map<Integer, List<String>> bound, int containerPort, String ip, int hostPort, String variable,
                               List<String> problems, List<String> seen) {
        String wanted = ip + ":" + hostPort;
        if (bound.getOrDefault(containerPort, List.of()).contains(wanted)) {
            seen.add(wanted + "->" + containerPort);
            return;
        }
        problems.add(wanted + " (" + variable + ") is not published by the container");
    }

    StatusCheck services(ContainerInfo c, OrodcConfig config) {
        try {
            ContainerExec.Result r = engine.exec().execute(c.id(), List.of("s6-rc", "-a", "list"), 10);
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
        } catch (EngineException e) {
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
