package com.orodc.workflow.proxy;

import com.orodc.core.ExitCode;
import com.orodc.core.OrodcException;
import com.orodc.core.Reporter;
import com.orodc.docker.ContainerInfo;
import com.orodc.docker.DockerEngine;
import com.orodc.docker.ProxyContainers;
import com.orodc.workflow.ProxySpecs;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/** The OroDC verbs on an installed proxy: down, restart, logs. */
public final class ProxyLifecycleWorkflow implements AutoCloseable {
    private final DockerEngine engine;
    private final Reporter reporter;
    private final ProxyContainers containers;

    /** Connects to the engine discovery finds (DOCKER_HOST, context, sockets...); close it when done. */
    public static ProxyLifecycleWorkflow connect(Map<String, String> environment, Reporter reporter) {
        return new ProxyLifecycleWorkflow(DockerEngine.connect(environment, reporter), reporter);
    }

    private ProxyLifecycleWorkflow(DockerEngine engine, Reporter reporter) {
        this.engine = engine;
        this.reporter = reporter;
        this.containers = engine.proxyContainers();
    }

    /** Removes the container; certificates, config and the network stay. Returns false when there was none. */
    public boolean down(boolean force) {
        Optional<ContainerInfo> container = containers.find(ProxySpecs.CONTAINER);
        if (container.isEmpty()) {
            reporter.info("No proxy container to remove");
            return false;
        }
        requireManaged(container.get(), force);
        containers.stopAndRemove(container.get().id(), ProxySpecs.STOP_TIMEOUT);
        reporter.info("Removed proxy container " + container.get().shortId()
                + " (certificates, config and network " + ProxySpecs.NETWORK + " kept)");
        return true;
    }

    public void restart(Duration healthTimeout) {
        ContainerInfo container = installed();
        containers.restart(container.id(), ProxySpecs.STOP_TIMEOUT);
        String status = containers.waitHealthy(container.id(), healthTimeout,
                s -> reporter.progress("waiting for the proxy to be healthy: " + s, -1, -1));
        if (!status.equals("healthy")) {
            throw new OrodcException(ExitCode.FAILURE, "the proxy restarted but is " + status + "; see 'orodc proxy logs'");
        }
        reporter.info("Proxy restarted and healthy");
    }

    /** Streams log lines to {@code sink}; with {@code follow} until interrupted or the container stops. */
    public void logs(int tail, boolean follow, Consumer<String> sink) {
        containers.logs(installed().id(), tail, follow, sink);
    }

    private ContainerInfo installed() {
        return containers.find(ProxySpecs.CONTAINER).orElseThrow(() -> new OrodcException(ExitCode.NOT_INSTALLED,
                "the proxy is not installed: run 'orodc install-proxy'"));
    }

    static void requireManaged(ContainerInfo container, boolean force) {
        if (!container.managed() && !force) {
            throw new OrodcException(ExitCode.FAILURE, "the container '" + ProxySpecs.CONTAINER
                    + "' was not created by orodc; leaving it alone (use --force to act on it anyway)");
        }
    }

    @Override
    public void close() {
        engine.close();
    }
}
