package com.orodc.workflow.status;

import com.orodc.core.Reporter;
import com.orodc.docker.DockerEngine;

import java.util.Map;

/**
 * The one Docker client of a proxy-status run, connected by whichever check asks first; the others wait for
 * it. A failure to connect is kept and thrown to each of them alike.
 */
final class SharedEngine implements AutoCloseable {
    private final Map<String, String> environment;
    private DockerEngine engine;
    private RuntimeException failure;

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

    @Override
    public synchronized void close() {
        if (engine != null) {
            engine.close();
        }
    }
}
