package com.orodc.workflow;

import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.model.Frame;
import com.orodc.core.ExitCode;
import com.orodc.core.OrodcException;
import com.orodc.core.Reporter;
import com.orodc.docker.DockerEngine;
import com.orodc.docker.ProxyContainers;

import java.io.Closeable;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/** The OroDC verbs on an installed proxy: down, restart, logs. */
public final class ProxyLifecycleWorkflow {
    private final DockerEngine engine;
    private final Reporter reporter;
    private final ProxyContainers containers;

    public ProxyLifecycleWorkflow(DockerEngine engine, Reporter reporter) {
        this.engine = engine;
        this.reporter = reporter;
        this.containers = new ProxyContainers(engine.client());
    }

    /** Removes the container; certificates, config and the network stay. Returns false when there was none. */
    public boolean down(boolean force) {
        Optional<InspectContainerResponse> container = containers.find(ProxySpecs.CONTAINER);
        if (container.isEmpty()) {
            reporter.info("No proxy container to remove");
            return false;
        }
        requireManaged(container.get(), force);
        containers.remove(container.get().getId());
        reporter.info("Removed proxy container " + container.get().getId().substring(0, 12)
                + " (certificates, config and network " + ProxySpecs.NETWORK + " kept)");
        return true;
    }

    public void restart(Duration healthTimeout) {
        InspectContainerResponse container = installed();
        engine.client().restartContainerCmd(container.getId()).withTimeout(10).exec();
        String status = containers.waitHealthy(container.getId(), healthTimeout,
                s -> reporter.progress("waiting for the proxy to be healthy: " + s, -1, -1));
        if (!status.equals("healthy")) {
            throw new OrodcException(ExitCode.FAILURE, "the proxy restarted but is " + status + "; see 'orodc proxy logs'");
        }
        reporter.info("Proxy restarted and healthy");
    }

    /** Streams log lines to {@code sink}; with {@code follow} until interrupted or the container stops. */
    public void logs(int tail, boolean follow, Consumer<String> sink) {
        InspectContainerResponse container = installed();
        ResultCallback.Adapter<Frame> callback = new ResultCallback.Adapter<>() {
            @Override
            public void onNext(Frame frame) {
                new String(frame.getPayload(), StandardCharsets.UTF_8).lines().forEach(sink);
            }
        };
        try (Closeable ignored = engine.client().logContainerCmd(container.getId()).withStdOut(true).withStdErr(true)
                .withTail(tail).withFollowStream(follow).exec(callback)) {
            if (follow) {
                callback.awaitCompletion();
            } else {
                callback.awaitCompletion(30, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (java.io.IOException e) {
            throw OrodcException.io("reading the proxy logs failed: " + e.getMessage(), e);
        }
    }

    private InspectContainerResponse installed() {
        return containers.find(ProxySpecs.CONTAINER).orElseThrow(() -> new OrodcException(ExitCode.NOT_INSTALLED,
                "the proxy is not installed: run 'orodc install-proxy'"));
    }

    static void requireManaged(InspectContainerResponse container, boolean force) {
        if (!ProxyContainers.isManaged(container) && !force) {
            throw new OrodcException(ExitCode.FAILURE, "the container '" + ProxySpecs.CONTAINER
                    + "' was not created by orodc; leaving it alone (use --force to act on it anyway)");
        }
    }
}
