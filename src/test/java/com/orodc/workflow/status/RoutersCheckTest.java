package com.orodc.workflow.status;

import com.orodc.core.ConfigResolver;
import com.orodc.core.OrodcConfig;
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
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The routers check against an HTTP server on 127.0.0.1 that answers {@code /api/http/routers} the way Traefik's API
 * does (a JSON list of routers, each with {@code name}, {@code status} and, when not enabled, {@code error}).
 */
class RoutersCheckTest {
    @TempDir
    Path dir;

    private HttpServer api;
    private final AtomicReference<String> body = new AtomicReference<>("[]");
    private final AtomicReference<String> host = new AtomicReference<>();

    @BeforeEach
    void startApi() throws IOException {
        api = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        api.createContext("/api/http/routers", exchange -> {
            host.set(exchange.getRequestHeaders().getFirst("Host"));
            byte[] bytes = body.get().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        });
        api.start();
    }

    @AfterEach
    void stopApi() {
        api.stop(0);
    }

    private StatusCheck check(String answer) {
        body.set(answer);
        Map<String, String> env = Map.of("TRAEFIK_BIND_PORT", Integer.toString(api.getAddress().getPort()));
        OrodcConfig config = new ConfigResolver(env, dir).resolve(Map.of());
        return new EndpointChecks(config, Clock.systemUTC()).routers();
    }

    @Test
    void routersThatAreAllEnabledAreCountedAndAskedForByTheApiHostName() {
        StatusCheck c = check("""
                [{"name":"api@internal","status":"enabled","rule":"Host(`traefik.docker.local`)"},
                 {"name":"shop@docker","status":"enabled","using":["web","websecure"]}]""");

        assertThat(c.level()).isEqualTo(StatusCheck.Level.OK);
        assertThat(c.detail()).isEqualTo("2 routers, all enabled");
        assertThat(host.get()).startsWith("traefik.docker.local");
    }

    @Test
    void aRouterThatIsNotEnabledIsNamedWithTraefiksErrors() {
        StatusCheck c = check("""
                [{"name":"api@internal","status":"enabled"},
                 {"name":"shop@docker","status":"disabled","error":["middleware \\"auth@docker\\" does not exist"]},
                 {"name":"blog@docker","status":"warning"}]""");

        assertThat(c.level()).isEqualTo(StatusCheck.Level.WARN);
        assertThat(c.detail()).isEqualTo("shop@docker: [\"middleware \\\"auth@docker\\\" does not exist\"]; blog@docker: ");
        assertThat(c.fix()).contains("labels");
    }

    @Test
    void anAnswerThatIsNotAListIsNotTakenForRouters() {
        StatusCheck c = check("{\"message\":\"not found\"}");

        assertThat(c.level()).isEqualTo(StatusCheck.Level.WARN);
        assertThat(c.detail()).isEqualTo("the API did not answer a list of routers");
    }

    @Test
    void anAnswerThatIsNotJsonSaysTheApiCannotBeRead() {
        StatusCheck c = check("<html>404 page not found</html>");

        assertThat(c.level()).isEqualTo(StatusCheck.Level.WARN);
        assertThat(c.detail()).startsWith("cannot read the Traefik API: ");
    }
}
