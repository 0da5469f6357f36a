package com.orodc.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.httpclient5.ApacheDockerHttpClient;

import java.time.Duration;
import java.util.Map;

/**
 * Opens a client to the Docker engine: {@code DOCKER_HOST} when set, else the local socket.
 * No response timeout, because the event stream stays open for as long as the daemon runs;
 * no API version, so the engine's own is used (20.10 and 29 both work).
 */
public final class DockerConnector {
    public static final String DEFAULT_HOST = "unix:///var/run/docker.sock";

    private DockerConnector() {
    }

    public static String endpoint(Map<String, String> env) {
        String host = env.get("DOCKER_HOST");
        return host == null || host.isBlank() ? DEFAULT_HOST : host.strip();
    }

    public static DockerClient connect(Map<String, String> env) {
        DockerClientConfig config = DefaultDockerClientConfig.createDefaultConfigBuilder()
                .withDockerHost(endpoint(env))
                .build();
        ApacheDockerHttpClient http = new ApacheDockerHttpClient.Builder()
                .dockerHost(config.getDockerHost())
                .sslConfig(config.getSSLConfig())
                .maxConnections(32)
                .connectionTimeout(Duration.ofSeconds(5))
                .build();
        return DockerClientImpl.getInstance(config, http);
    }
}
