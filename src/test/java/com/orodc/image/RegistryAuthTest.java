package com.orodc.image;

import com.orodc.core.OrodcException;
import com.orodc.core.Reporter;
import com.orodc.core.Sha256;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The logins registries ask for: a bearer token from the realm they name (with or without a user), or basic. */
class RegistryAuthTest {
    private static final byte[] MANIFEST = "{\"schemaVersion\":2,\"layers\":[]}".getBytes(StandardCharsets.UTF_8);

    private HttpServer server;
    private final List<String> tokenRequests = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 8);
        String basic = "Basic " + Base64.getEncoder().encodeToString("ci:s3cret".getBytes(StandardCharsets.UTF_8));
        server.createContext("/token", ex -> {
            tokenRequests.add(ex.getRequestURI().getQuery() + " auth=" + ex.getRequestHeaders().getFirst("Authorization"));
            boolean known = basic.equals(ex.getRequestHeaders().getFirst("Authorization"));
            respond(ex, 200, ("{\"token\":\"" + (known ? "user-token" : "anonymous-token") + "\"}").getBytes(), Map.of());
        });
        server.createContext("/v2/", ex -> {
            String auth = ex.getRequestHeaders().getFirst("Authorization");
            String path = ex.getRequestURI().getPath();
            if (path.startsWith("/v2/basic/")) {
                if (basic.equals(auth)) {
                    respond(ex, 200, MANIFEST, Map.of("Content-Type", RegistryApi.DOCKER_MANIFEST));
                } else {
                    respond(ex, 401, new byte[0], Map.of("WWW-Authenticate", "Basic realm=\"registry\""));
                }
            } else if (path.startsWith("/v2/private/") ? "Bearer user-token".equals(auth)
                    : "Bearer anonymous-token".equals(auth) || "Bearer user-token".equals(auth)) {
                respond(ex, 200, MANIFEST, Map.of("Content-Type", RegistryApi.DOCKER_MANIFEST));
            } else {
                respond(ex, 401, new byte[0], Map.of("WWW-Authenticate",
                        "Bearer realm=\"http://" + host() + "/token\",service=\"test-registry\",scope=\"ignored\""));
            }
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private String host() {
        return "127.0.0.1:" + server.getAddress().getPort();
    }

    private static void respond(HttpExchange ex, int status, byte[] body, Map<String, String> headers) throws IOException {
        headers.forEach((k, v) -> ex.getResponseHeaders().add(k, v));
        try (ex; OutputStream out = ex.getResponseBody()) {
            ex.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
            out.write(body);
        }
    }

    private RegistryApi api(Map<String, String> env) {
        return new RegistryApi(new HttpFetcher(Reporter.SILENT), new RegistryCredentials(env, host()), false);
    }

    @Test
    void anAnonymousTokenIsFetchedForPublicImages(@TempDir Path home) {
        RegistryApi.Manifest m = api(Map.of("HOME", home.toString())).manifest(ImageLocation.parse(host() + "/library/alpine:3"), "3");
        assertThat(m.digest()).isEqualTo("sha256:" + Sha256.of(MANIFEST));
        assertThat(tokenRequests).singleElement().asString()
                .contains("service=test-registry", "scope=repository:library/alpine:pull", "auth=null");
    }

    @Test
    void theVariablesLogIntoTheRegistryPushedTo(@TempDir Path home) {
        RegistryApi api = api(Map.of("HOME", home.toString(), RegistryCredentials.USER_VARIABLE, "ci",
                RegistryCredentials.PASSWORD_VARIABLE, "s3cret"));
        assertThat(api.manifest(ImageLocation.parse(host() + "/private/proxy:1"), "1").bytes()).isEqualTo(MANIFEST);
        assertThat(api.manifest(ImageLocation.parse(host() + "/basic/proxy:1"), "1").bytes()).isEqualTo(MANIFEST);
    }

    @Test
    void dockerLoginsAreReadFromTheDockerConfig(@TempDir Path home) throws IOException {
        Files.createDirectories(home.resolve(".docker"));
        Files.writeString(home.resolve(".docker/config.json"), "{\"auths\":{\"" + host() + "\":{\"auth\":\""
                + Base64.getEncoder().encodeToString("ci:s3cret".getBytes(StandardCharsets.UTF_8)) + "\"}}}");
        RegistryCredentials credentials = new RegistryCredentials(Map.of("HOME", home.toString()), null);
        assertThat(credentials.forRegistry(host())).hasValue(new RegistryCredentials.Credential("ci", "s3cret"));
        assertThat(credentials.forRegistry("ghcr.io")).isEmpty();
        assertThat(api(Map.of("HOME", home.toString())).manifest(ImageLocation.parse(host() + "/private/proxy:1"), "1").bytes())
                .isEqualTo(MANIFEST);
    }

    @Test
    void aRefusedLoginSaysHowToLogIn(@TempDir Path home) {
        assertThatThrownBy(() -> api(Map.of("HOME", home.toString())).manifest(ImageLocation.parse(host() + "/basic/proxy:1"), "1"))
                .isInstanceOf(OrodcException.class).hasMessageContaining("docker login").hasMessageContaining(RegistryCredentials.USER_VARIABLE);
        assertThatThrownBy(() -> api(Map.of("HOME", home.toString())).manifest(ImageLocation.parse(host() + "/private/proxy:1"), "1"))
                .isInstanceOf(OrodcException.class).hasMessageContaining("HTTP 401").hasMessageContaining("docker login");
    }

    @Test
    void aManifestThatIsNotWhatItsDigestSaysIsRefused(@TempDir Path home) {
        assertThatThrownBy(() -> api(Map.of("HOME", home.toString()))
                .manifest(ImageLocation.parse(host() + "/library/alpine:3"), "sha256:" + "0".repeat(64)))
                .isInstanceOf(OrodcException.class).hasMessageContaining("serves something else");
    }
}
