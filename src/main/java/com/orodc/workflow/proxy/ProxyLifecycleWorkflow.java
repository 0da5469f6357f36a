package com.orodc.workflow.proxy;

import com.orodc.core.ExitCode;
import com.orodc.core.OrodcException;
import com.orodc.core.Reporter;
import com.orodc.docker.ContainerInfo;
import com.orodc.docker.DockerEngine;
import com.orodc.docker.EngineException;
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
        Optional<ContainerInfo> container = OwnedProxy.find(containers, force);
        if (container.isEmpty()) {
            reporter.info("No proxy container to remove");
            return false;
        }
        containers.stopAndRemove(container.get().id(), ProxySpecs.STOP_TIMEOUT);
        reporter.info("Removed proxy container " + container.get().shortId()
                + " (certificates, config and network " + ProxySpecs.NETWORK + " kept)");
        return true;
    }

    public void restart(Duration healthTimeout, boolean force) {
        ContainerInfo container = OwnedProxy.installed(containers, force);
        try {
            containers.restart(container.id(), ProxySpecs.STOP_TIMEOUT);
        } catch (EngineException e) {
            throw new OrodcException(ExitCode.FAILURE, "the proxy container did not restart: " + e.getMessage()
                    + "; see 'orodc proxy logs' and 'orodc proxy-status'", e);
        }
        String status = containers.waitHealthy(container.id(), healthTimeout,
                s -> reporter.progress("waiting for the proxy to be healthy: " + s, -1, -1));
        if (!status.equals("healthy")) {
            throw new OrodcException(ExitCode.FAILURE, "the proxy restarted but is " + status + "; see 'orodc proxy logs'");
        }
        reporter.info("Proxy restarted and healthy");
    }

    /** Streams log lines to {@code sink}; with {@code follow} until interrupted or the container stops. */
    public void logs(int tail, boolean follow, Consumer<String> sink) {
        // reading the logs changes nothing: allowed for any container named proxy
        containers.logs(OwnedProxy.installed(containers, true).id(), tail, follow, sink);
    }

    @Override
    public void close() {
        engine.close();
    }
}
