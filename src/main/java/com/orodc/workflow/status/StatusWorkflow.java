package com.orodc.workflow.status;

import com.orodc.certs.CertFiles;
import com.orodc.core.ExitCode;
import com.orodc.core.OrodcConfig;
import com.orodc.core.OrodcException;
import com.orodc.core.OrodcHome;
import com.orodc.core.Reporter;
import com.orodc.docker.ContainerInfo;
import com.orodc.docker.DockerEngine;
import com.orodc.workflow.ProxySpecs;
import com.orodc.workflow.hostsync.HostsSyncRequest;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

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
        // the checks mostly wait on Docker, sockets and helper programs: run them side by side
        ExecutorService pool = Executors.newFixedThreadPool(8, runnable -> {
            Thread thread = new Thread(runnable, "status-check");
            thread.setDaemon(true);
            return thread;
        });
        SharedEngine shared = new SharedEngine(request.environment());
        try (shared) {
            Future<List<StatusCheck>> certificates = submit(pool, "certificates", local::certificates);
            Future<List<StatusCheck>> trust = submit(pool, "trust", local::trust);
            Future<List<StatusCheck>> hostsSync = submit(pool, "hosts sync",
                    () -> local.hostsSync(shared::running));
            // the host ports answer whether or not Docker is found quickly: ask them now, keep the answers only for a
            // running proxy
            EndpointChecks endpoints = new EndpointChecks(request.config(), clock);
            List<Future<List<StatusCheck>>> throughPorts = List.of(
                    submit(pool, "ping", () -> List.of(endpoints.ping())),
                    submit(pool, "tls", () -> List.of(endpoints.tls(local.rootCertificate()))),
                    submit(pool, "routers", () -> List.of(endpoints.routers())),
                    submit(pool, "socks5", () -> List.of(endpoints.socks5())));
            WslChecks wsl = new WslChecks(request.config(), request.environment());
            Future<List<StatusCheck>> windows = submit(pool, "wsl", () -> wsl.all(
                    new CertFiles(request.home().certs()).rootCert(), HostsSyncRequest.DEFAULT_HOSTS_FILE));
            ExitCode code;
            long connecting = System.nanoTime();
            try {
                shared.get(); // connects here, so that the time below is the search for the engine
                reporter.debug(String.format("Docker found in %d ms", (System.nanoTime() - connecting) / 1_000_000));
                code = dockerSide(shared, request.config(), checks, pool, wsl.applies(), throughPorts);
            } catch (OrodcException e) {
                if (e.exitCode() != ExitCode.DOCKER_UNREACHABLE) {
                    throw e;
                }
                checks.add(StatusCheck.fail("docker", "Docker", e.getMessage(), "start Docker, or set DOCKER_HOST"));
                code = ExitCode.DOCKER_UNREACHABLE;
            }
            checks.addAll(get(certificates));
            checks.addAll(get(trust));
            checks.addAll(get(hostsSync));
            checks.addAll(get(windows));
            if (code == ExitCode.OK && checks.stream().anyMatch(c -> c.level() == StatusCheck.Level.FAIL)) {
                code = ExitCode.FAILURE;
            }
            return new Report(checks, code);
        } finally {
            pool.shutdownNow();
        }
    }

    private ExitCode dockerSide(SharedEngine shared, OrodcConfig config, List<StatusCheck> checks, ExecutorService pool,
                                boolean wsl, List<Future<List<StatusCheck>>> throughPorts) {
        DockerEngine engine = shared.get();
        ContainerChecks container = new ContainerChecks(engine);
        checks.add(container.docker(wsl));
        Optional<ContainerInfo> proxy = engine.proxyContainers().find(ProxySpecs.CONTAINER);
        if (proxy.isEmpty()) {
            checks.add(StatusCheck.fail("container", "Container", "no container named '" + ProxySpecs.CONTAINER + "'",
                    "install it: orodc install-proxy"));
            return ExitCode.NOT_INSTALLED;
        }
        ContainerInfo c = proxy.get();
        checks.addAll(container.container(c));
        if (!c.running()) {
            checks.add(container.image(c));
            checks.add(container.bindings(c, config));
            return ExitCode.FAILURE;
        }
        List<Future<List<StatusCheck>>> running = List.of(
                submit(pool, "image", () -> List.of(container.image(c))),
                submit(pool, "ports", () -> List.of(container.bindings(c, config))),
                throughPorts.get(0),
                throughPorts.get(1),
                submit(pool, "services", () -> List.of(container.services(c, config))),
                throughPorts.get(2),
                throughPorts.get(3),
                submit(pool, "container names", () -> List.of(new NetworkNameChecks(engine).check(c, config, shared::running))));
        running.forEach(f -> checks.addAll(get(f)));
        return ExitCode.OK;
    }

    private <T> Future<T> submit(ExecutorService pool, String name, Callable<T> task) {
        return pool.submit(() -> {
            long start = System.nanoTime();
            try {
                return task.call();
            } finally {
                reporter.debug(String.format("%s checked in %d ms", name, (System.nanoTime() - start) / 1_000_000));
            }
        });
    }

    private static <T> T get(Future<T> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OrodcException(ExitCode.FAILURE, "interrupted while checking");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        }
    }
}
