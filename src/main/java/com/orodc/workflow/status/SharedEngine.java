package com.orodc.workflow.status;

import com.orodc.core.Reporter;
import com.orodc.docker.DockerEngine;
import com.orodc.docker.RunningContainer;

import java.util.List;
import java.util.Map;

/**
 * The one Docker client of a proxy-status run, connected by whichever check asks first; the others wait for
 * it. A failure to connect is kept and thrown to each of them alike. The running containers are listed once too.
 */
final class SharedEngine implements AutoCloseable {
    private final Map<String, String> environment;
    private DockerEngine engine;
    private RuntimeException failure;
    private List<RunningContainer> running;

    SharedEngine(Map<String, String> environment) {
        this.environment = environment;
    }

    synchronized DockerEngine get() {
        if (engine == null && failure == null) {
            try {
                engine = DockerEngine.connect(environment, Reporter.SILENT);
            } catch (RuntimeException e) {
                failure = e;
            }
        }
        if (failure != null) {
            throw failure;
        }
        return engine;
    }

    /** The running containers, listed once for every check of the run that needs them. */
    synchronized List<RunningContainer> running() {
        if (running == null) {
            running = List.copyOf(get().containers().running());
        }
        return running;
    }

    @Override
    public synchronized void close() {
        if (engine != null) {
            engine.close();
        }
    }
}
