package com.orodc.docker;

import com.orodc.core.ExitCode;
import com.orodc.core.OrodcException;
import com.orodc.core.Reporter;
import com.orodc.core.json.Json;
import com.orodc.docker.api.EngineHttp;

import javax.net.ssl.SSLException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * The one Docker client of a run, on the endpoint discovery chose. Paths carry no API version so the same
 * code talks to Engine 20.10 and 29; no read timeout, because event streams are long.
 */
public final class DockerEngine implements AutoCloseable {
    public static final Path SYSTEM_SOCKET = Path.of("/var/run/docker.sock");
    private static final int PROBE_TIMEOUT_MILLIS = 5000;

    private final DockerEndpoint endpoint;
    private final EngineHttp http;
    private EngineVersion version;

    private DockerEngine(DockerEndpoint endpoint, EngineHttp http) {
        this.endpoint = endpoint;
        this.http = http;
    }

    public static DockerEngine connect(Map<String, String> env, Reporter reporter) {
        DockerEndpoint endpoint = new DockerDiscovery(env, SYSTEM_SOCKET, uri -> answers(uri, env)).discover(reporter);
        return new DockerEngine(endpoint, EngineHttp.open(endpoint.uri(), env, 0));
    }

    public DockerEndpoint endpoint() {
        return endpoint;
    }

    EngineHttp http() {
        return http;
    }

    public synchronized EngineVersion version() {
        if (version == null) {
            Map<String, Object> v = EngineException.call(() -> http.object("GET", "/version", null));
            version = new EngineVersion(Json.string(v, "Version", null), Json.string(v, "ApiVersion", null));
        }
        return version;
    }

    /** What {@code docker info} calls OperatingSystem: "Docker Desktop" for Docker Desktop's engine, the distribution otherwise. */
    public String operatingSystem() {
        return Json.string(EngineException.call(() -> http.object("GET", "/info", null)), "OperatingSystem", "");
    }

    public static boolean isDockerDesktop(String operatingSystem) {
        return operatingSystem.strip().equals("Docker Desktop");
    }

    /** Throws when the engine does not answer. */
    public void ping() {
        EngineException.run(() -> http.send("GET", "/_ping", null).close());
    }

    public DockerContainers containers() {
        return new DockerContainers(http);
    }

    public ProxyContainers proxyContainers() {
        return new ProxyContainers(http);
    }

    public DockerNetworks networks() {
        return new DockerNetworks(http);
    }

    public DockerImages images() {
        return new DockerImages(http);
    }

    public ContainerExec exec() {
        return new ContainerExec(http);
    }

    public VolumeFiles volumes() {
        return new VolumeFiles(http);
    }

    /**
     * Whether the endpoint answers a ping within the probe timeout. TLS files that cannot be used are the user's
     * to fix, so that error is thrown rather than taken for an engine that is not there.
     */
    static boolean answers(URI uri, Map<String, String> env) {
        boolean tls = "1".equals(env.get("DOCKER_TLS_VERIFY"));
        if (!tls && (uri.getScheme().equals("unix") || uri.getScheme().equals("tcp"))) {
            return EnginePing.answers(uri, PROBE_TIMEOUT_MILLIS);
        }
        try (EngineHttp probe = EngineHttp.open(uri, env, PROBE_TIMEOUT_MILLIS)) {
            probe.send("GET", "/_ping", null).close();
            return true;
        } catch (OrodcException unusable) {
            throw unusable;
        } catch (UncheckedIOException e) {
            Optional<SSLException> refused = tlsFailure(e);
            if (refused.isPresent()) {
                // something answered, and the certificates are what keeps us apart: the user's to fix, not an absent engine
                throw new OrodcException(ExitCode.CERTIFICATE, "TLS with the Docker engine at " + uri + " was refused ("
                        + refused.get().getMessage() + "): the engine must trust the CA that signed DOCKER_CERT_PATH's cert.pem,"
                        + " and ca.pem there must be the CA of the engine's certificate", e);
            }
            return false;
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static Optional<SSLException> tlsFailure(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SSLException ssl) {
                return Optional.of(ssl);
            }
        }
        return Optional.empty();
    }

    @Override
    public void close() {
        http.close();
    }
}
