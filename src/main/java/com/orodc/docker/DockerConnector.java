package com.orodc.docker;

import com.orodc.core.OrodcException;
import com.orodc.core.Reporter;

import java.util.Map;

/**
 * The Docker client of the hosts sync, found the way every command finds it ({@link DockerDiscovery}).
 * The client has no response timeout: the event stream stays open for as long as the daemon runs.
 */
public final class DockerConnector {
    public static final String DEFAULT_HOST = "unix://" + DockerEngine.SYSTEM_SOCKET;

    private DockerConnector() {
    }

    /** Where Docker answers now (DOCKER_HOST when set); the system socket when nothing answers. */
    public static String endpoint(Map<String, String> env) {
        String host = env.get("DOCKER_HOST");
        if (host != null && !host.isBlank()) {
            return DockerHost.parse(host, "DOCKER_HOST").toString();
        }
        try {
            return new DockerDiscovery(env, DockerEngine.SYSTEM_SOCKET, uri -> DockerEngine.answers(uri, env))
                    .discover(Reporter.SILENT).uri().toString();
        } catch (OrodcException unreachable) {
            return DEFAULT_HOST;
        }
    }

    public static DockerEngine connect(Map<String, String> env) {
        return DockerEngine.connect(env, Reporter.SILENT);
    }
}
