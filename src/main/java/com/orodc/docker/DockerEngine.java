package com.orodc.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.core.DefaultDockerClientConfig;
import com.github.dockerjava.core.DockerClientConfig;
import com.github.dockerjava.core.DockerClientImpl;
import com.github.dockerjava.httpclient5.ApacheDockerHttpClient;
import com.github.dockerjava.transport.DockerHttpClient;
import com.orodc.core.Reporter;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * The one Docker client of a run, on the endpoint discovery chose. The API version is left unset so
 * the same code talks to Engine 20.10 and 29; no response timeout, because event streams are long.
 */
public final class DockerEngine implements AutoCloseable {
    public static final Path SYSTEM_SOCKET = Path.of("/var/run/docker.sock");
    private static final int PROBE_TIMEOUT_MILLIS = 5000;

    private final DockerEndpoint endpoint;
    private final DockerClient client;
    private EngineVersion version;

    private DockerEngine(DockerEndpoint endpoint, DockerClient client) {
        this.endpoint = endpoint;
        this.client = client;
    }

    public static DockerEngine connect(Map<String, String> env, Reporter reporter) {
        DockerEndpoint endpoint = new DockerDiscovery(env, SYSTEM_SOCKET, uri -> answers(uri, env)).discover(reporter);
        return new DockerEngine(endpoint, client(endpoint.uri(), env, null));
    }

    public DockerEndpoint endpoint() {
        return endpoint;
    }

    DockerClient client() {
        return client;
    }

    public synchronized EngineVersion version() {
        if (version == null) {
            var v = EngineException.call(() -> client.versionCmd().exec());
            version = new EngineVersion(v.getVersion(), v.getApiVersion());
        }
        return version;
    }

    /** What {@code docker info} calls OperatingSystem: "Docker Desktop" for Docker Desktop's engine, the distribution otherwise. */
    public String operatingSystem() {
        String os = EngineException.call(() -> client.infoCmd().exec()).getOperatingSystem();
        return os == null ? "" : os;
    }

    public static boolean isDockerDesktop(String operatingSystem) {
        return operatingSystem.strip().equals("Docker Desktop");
    }

    /** Throws when the engine does not answer. */
    public void ping() {
        EngineException.run(() -> client.pingCmd().exec());
    }

    public DockerContainers containers() {
        return new DockerContainers(client);
    }

    public ProxyContainers proxyContainers() {
        return new ProxyContainers(client);
    }

    public DockerNetworks networks() {
        return new DockerNetworks(client);
    }

    public DockerImages images() {
        return new DockerImages(client);
    }

    public ContainerExec exec() {
        return new ContainerExec(client);
    }

    public VolumeFiles volumes() {
        return new VolumeFiles(client);
    }

    static boolean answers(URI uri, Map<String, String> env) {
        boolean tls = "1".equals(env.get("DOCKER_TLS_VERIFY"));
        if (!tls && (uri.getScheme().equals("unix") || uri.getScheme().equals("tcp"))) {
            return EnginePing.answers(uri, PROBE_TIMEOUT_MILLIS);
        }
        try (DockerClient probe = client(uri, env, Duration.ofMillis(PROBE_TIMEOUT_MILLIS))) {
            probe.pingCmd().exec();
            return true;
        } catch (RuntimeException | IOException e) {
            return false;
        }
    }

    private static DockerClient client(URI uri, Map<String, String> env, Duration responseTimeout) {
        DefaultDockerClientConfig.Builder builder = DefaultDockerClientConfig.createDefaultConfigBuilder()
                .withDockerHost(uri.toString());
        boolean tls = "1".equals(env.get("DOCKER_TLS_VERIFY")) && uri.getScheme().equals("tcp");
        builder.withDockerTlsVerify(tls);
        if (tls && env.get("DOCKER_CERT_PATH") != null) {
            builder.withDockerCertPath(env.get("DOCKER_CERT_PATH"));
        }
        DockerClientConfig config = builder.build();
        ApacheDockerHttpClient.Builder http = new ApacheDockerHttpClient.Builder()
                .dockerHost(config.getDockerHost())
                .sslConfig(tls ? config.getSSLConfig() : NoTls::context)
                .connectionTimeout(Duration.ofSeconds(5));
        if (responseTimeout != null) {
            http.responseTimeout(responseTimeout);
        }
        DockerHttpClient httpClient = http.build();
        return DockerClientImpl.getInstance(config, httpClient);
    }

    @Override
    public void close() {
        try {
            client.close();
        } catch (IOException ignored) {
            // closing a client we are done with; nothing to tell the user
        }
    }
}
