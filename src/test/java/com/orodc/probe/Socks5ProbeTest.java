package com.orodc.probe;

import com.orodc.testing.CliDriver;
import com.orodc.testing.InProcessCli;
import com.orodc.testing.LocalProcess;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** proxy-socks5-test against Debian's microsocks, a real SOCKS5 server, on 127.0.0.1. */
@EnabledOnOs(value = OS.LINUX, disabledReason = "needs microsocks, a Linux package")
class Socks5ProbeTest {
    @TempDir
    Path home;

    private HttpServer web;
    private final List<LocalProcess> servers = new ArrayList<>();

    @BeforeEach
    void startWebServer() throws IOException {
        web = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        web.createContext("/", exchange -> {
            byte[] body = "hello through the tunnel".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        web.start();
    }

    @AfterEach
    void stop() {
        web.stop(0);
        servers.forEach(LocalProcess::close);
    }

    private int socks(String... auth) {
        int port = LocalProcess.freePort();
        List<String> cmd = new ArrayList<>(List.of("microsocks", "-i", "127.0.0.1", "-p", Integer.toString(port)));
        cmd.addAll(List.of(auth));
        servers.add(LocalProcess.start(cmd, port));
        return port;
    }

    private CliDriver cli(int socksPort) {
        return new InProcessCli(home).env("DC_PROXY_SOCKS5_ENABLED", "1")
                .env("DC_PROXY_SOCKS5_PORT", Integer.toString(socksPort));
    }

    private String target() {
        return "localhost:" + web.getAddress().getPort();
    }

    @Test
    void withoutAuthEveryStepWorks() {
        cli(socks()).run("proxy-socks5-test", "--target", target()).assertSuccess()
                .assertOut("OK   greeting")
                .assertOut("no authentication")
                .assertOut("OK   connect " + target())
                .assertOut("HTTP/1.1 200")
                .assertOut("SOCKS5 works.");
    }

    @Test
    void withAuthTheLoginIsReported() {
        cli(socks("-u", "dev", "-P", "s3cret")).env("DC_PROXY_SOCKS5_USER", "dev").env("DC_PROXY_SOCKS5_PASS", "s3cret")
                .run("proxy-socks5-test", "--target", target()).assertSuccess()
                .assertOut("username/password")
                .assertOut("OK   auth")
                .assertOut("HTTP/1.1 200");
    }

    @Test
    void wrongPasswordIsNamed() {
        cli(socks("-u", "dev", "-P", "s3cret")).env("DC_PROXY_SOCKS5_USER", "dev").env("DC_PROXY_SOCKS5_PASS", "wrong")
                .run("proxy-socks5-test", "--target", target()).assertExit(1)
                .assertOut("FAIL auth")
                .assertOut("authentication rejected for user 'dev'");
    }

    @Test
    void missingCredentialsAreNamed() {
        cli(socks("-u", "dev", "-P", "s3cret")).run("proxy-socks5-test", "--target", target()).assertExit(1)
                .assertOut("FAIL greeting")
                .assertOut("requires a login");
    }

    @Test
    void refusedPortIsNamed() {
        int closed = LocalProcess.freePort();
        cli(closed).run("proxy-socks5-test", "--target", target()).assertExit(1)
                .assertOut("FAIL connect")
                .assertOut("connection refused by 127.0.0.1:" + closed);
    }

    @Test
    void targetRefusalShowsTheServersReplyCode() {
        int closedTarget = LocalProcess.freePort();
        cli(socks()).run("proxy-socks5-test", "--target", "localhost:" + closedTarget).assertExit(1)
                .assertOut("FAIL connect localhost:" + closedTarget)
                .assertOut("the server refused");
    }

    @Test
    void disabledSocksIsAWarningNotASilentSkip() {
        new InProcessCli(home).env("DC_PROXY_SOCKS5_PORT", Integer.toString(LocalProcess.freePort()))
                .run("proxy-socks5-test").assertExit(1).assertErr("SOCKS5 is disabled");
    }

    @Test
    void badTargetIsAUsageError() {
        cli(socks()).run("proxy-socks5-test", "--target", "localhost:99999").assertExit(2).assertErr("--target port '99999'");
    }
}
