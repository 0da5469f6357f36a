package com.orodc.workflow;

import com.github.dockerjava.api.command.InspectContainerResponse;
import com.orodc.core.ExitCode;
import com.orodc.core.OrodcConfig;
import com.orodc.core.OrodcException;
import com.orodc.core.OrodcHome;
import com.orodc.core.Reporter;
import com.orodc.docker.DockerEngine;
import com.orodc.docker.ProxyContainers;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * proxy-status: every check in one report. Exit 0 when nothing failed, 1 when something is to fix,
 * 2 when the proxy is not installed, 3 when Docker cannot be reached.
 */
public final class StatusWorkflow {
    public record Request(OrodcConfig config, OrodcHome home, Map<String, String> environment) {
    }

    public record Report(List<StatusCheck> checks, ExitCode exitCode) {
    }

    private final Reporter reporter;
    private final Clock clock;

    public StatusWorkflow(Reporter reporter, Clock clock) {
        this.reporter = reporter;
        this.clock = clock;
    }

    public Report run(Request request) {
        List<StatusCheck> checks = new ArrayList<>();
        LocalChecks local = new LocalChecks(request.config(), request.home(), request.environment(), clock);
        ExitCode code;
        try (DockerEngine engine = DockerEngine.connect(request.environment(), Reporter.SILENT)) {
            code = dockerSide(engine, request.config(), local, checks);
        } catch (OrodcException e) {
            if (e.exitCode() != ExitCode.DOCKER_UNREACHABLE) {
                throw e;
            }
            checks.add(StatusCheck.fail("docker", "Docker", e.getMessage(), "start Docker, or set DOCKER_HOST"));
            code = ExitCode.DOCKER_UNREACHABLE;
        }
        checks.addAll(local.certificates());
        checks.addAll(local.trust());
        checks.addAll(local.hostsSync());
        if (code == ExitCode.OK && checks.stream().anyMatch(c -> c.level() == StatusCheck.Level.FAIL)) {
            code = ExitCode.FAILURE;
        }
        return new Report(checks, code);
    }

    private ExitCode dockerSide(DockerEngine engine, OrodcConfig config, LocalChecks local, List<StatusCheck> checks) {
        ContainerChecks container = new ContainerChecks(engine);
        checks.add(container.docker());
        Optional<InspectContainerResponse> proxy = new ProxyContainers(engine.client()).find(ProxySpecs.CONTAINER);
        if (proxy.isEmpty()) {
            checks.add(StatusCheck.fail("container", "Container", "no container named '" + ProxySpecs.CONTAINER + "'",
                    "install it: orodc install-proxy"));
            return ExitCode.NOT_INSTALLED;
        }
        InspectContainerResponse c = proxy.get();
        List<StatusCheck> state = container.container(c);
        checks.addAll(state);
        checks.add(container.image(c));
        checks.add(container.bindings(c, config));
        if (!Boolean.TRUE.equals(c.getState().getRunning())) {
            return ExitCode.FAILURE;
        }
        EndpointChecks endpoints = new EndpointChecks(config, clock);
        checks.add(endpoints.ping());
        checks.add(endpoints.tls(local.rootCertificate()));
        checks.add(container.services(c, config));
        checks.add(endpoints.routers());
        checks.add(endpoints.socks5());
        reporter.debug("checked container " + c.getId());
        return ExitCode.OK;
    }
}
