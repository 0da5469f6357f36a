package com.orodc.cli;

import com.orodc.certs.DirectorySnapshot;
import com.orodc.testing.CliDriver;
import com.orodc.testing.CliResult;
import com.orodc.testing.InProcessCli;
import com.orodc.testing.Shell;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * Every variable and file that {@code orodc config} and {@code proxy install-certs} read, given something it cannot
 * use: each row is the input, the exit code, the start of the message, and nothing changed on disk. Engine settings
 * (DOCKER_HOST) and combinations of ports are checked where they are validated, not here.
 */
class BadInputTableTest {
    @TempDir
    Path home;
    @TempDir
    Path project;

    /** One bad input: prepares the files, then runs orodc. */
    @FunctionalInterface
    interface Input {
        CliResult apply(BadInputTableTest t) throws Exception;
    }

    static Stream<Arguments> rows() {
        String huge = "x".repeat(10 * 1024 * 1024);
        return Stream.of(
                row("TRAEFIK_BIND_ADDRESS=localhost", 2, "TRAEFIK_BIND_ADDRESS=localhost (from environment) is not valid: expected an IPv4",
                        t -> t.config("TRAEFIK_BIND_ADDRESS", "localhost")),
                row("TRAEFIK_BIND_ADDRESS=999.1.1.1", 2, "TRAEFIK_BIND_ADDRESS=999.1.1.1 (from environment) is not valid",
                        t -> t.config("TRAEFIK_BIND_ADDRESS", "999.1.1.1")),
                row("TRAEFIK_BIND_PORT=0", 2, "TRAEFIK_BIND_PORT=0 (from environment) is not valid: expected a port number from 1 to 65535",
                        t -> t.config("TRAEFIK_BIND_PORT", "0")),
                row("TRAEFIK_BIND_PORT=http", 2, "TRAEFIK_BIND_PORT=http (from environment) is not valid",
                        t -> t.config("TRAEFIK_BIND_PORT", "http")),
                row("TRAEFIK_HTTPS_BIND_PORT=65536", 2, "TRAEFIK_HTTPS_BIND_PORT=65536 (from environment) is not valid",
                        t -> t.config("TRAEFIK_HTTPS_BIND_PORT", "65536")),
                row("TRAEFIK_LOG_LEVEL=LOUD", 2, "TRAEFIK_LOG_LEVEL=LOUD (from environment) is not valid: expected one of TRACE",
                        t -> t.config("TRAEFIK_LOG_LEVEL", "LOUD")),
                row("CERT_DOMAIN=local", 2, "CERT_DOMAIN=local (from environment) is not valid: expected a hostname with at least two labels",
                        t -> t.config("CERT_DOMAIN", "local")),
                row("CERT_DOMAIN=bad_name.local", 2, "CERT_DOMAIN=bad_name.local (from environment) is not valid",
                        t -> t.config("CERT_DOMAIN", "bad_name.local")),
                row("DC_PROXY_SOCKS5_ENABLED=maybe", 2, "DC_PROXY_SOCKS5_ENABLED=maybe (from environment) is not valid: expected 1 or 0",
                        t -> t.config("DC_PROXY_SOCKS5_ENABLED", "maybe")),
                row("DC_PROXY_SOCKS5_PORT=1e3", 2, "DC_PROXY_SOCKS5_PORT=1e3 (from environment) is not valid",
                        t -> t.config("DC_PROXY_SOCKS5_PORT", "1e3")),
                row("DC_PROXY_SOCKS5_BIND=::g", 2, "DC_PROXY_SOCKS5_BIND=::g (from environment) is not valid",
                        t -> t.config("DC_PROXY_SOCKS5_BIND", "::g")),
                row("DC_PROXY_SOCKS5_USER with a colon", 2, "DC_PROXY_SOCKS5_USER=a:b (from environment) is not valid",
                        t -> t.cli().env("DC_PROXY_SOCKS5_USER", "a:b").env("DC_PROXY_SOCKS5_PASS", "pw").in(t.project).run("config")),
                row("DC_PROXY_SOCKS5_USER without a password", 2, "DC_PROXY_SOCKS5_USER is set but DC_PROXY_SOCKS5_PASS is empty",
                        t -> t.config("DC_PROXY_SOCKS5_USER", "dev")),
                row("DC_PROXY_SOCKS5_PASS without a user, never echoed", 2, "DC_PROXY_SOCKS5_PASS=*** (from environment) is not valid",
                        t -> t.config("DC_PROXY_SOCKS5_PASS", "s3cret-not-shown")),
                row("DC_PROXY_SOCKS5_PASS of 256 characters, never echoed", 2, "DC_PROXY_SOCKS5_PASS=*** (from environment) is not valid",
                        t -> t.cli().env("DC_PROXY_SOCKS5_USER", "dev").env("DC_PROXY_SOCKS5_PASS", "p".repeat(256))
                                .in(t.project).run("config")),
                row("ORODC_PROXY_IMAGE=Upper/Case", 2, "ORODC_PROXY_IMAGE=Upper/Case (from environment) is not valid",
                        t -> t.config("ORODC_PROXY_IMAGE", "Upper/Case")),
                row("ORODC_HOME with a NUL", 2, "ORODC_HOME=a\\u0000b (from environment) is not valid: expected a directory path",
                        t -> t.cli().env("ORODC_HOME", "a\u0000b").in(t.project).run("proxy", "install-certs")),
                row("ORODC_HOME is a file", 4, "home-file/certs: Not a directory",
                        t -> {
                            Path file = Files.writeString(t.project.resolve("home-file"), "x");
                            return t.cli().env("ORODC_HOME", file.toString()).in(t.project).run("proxy", "install-certs");
                        }),
                row(".env.orodc: a line that is not KEY=value", 2, ".env.orodc:2 is not a KEY=value line: just words",
                        t -> t.projectFile("CERT_DOMAIN=a.test\njust words\n".getBytes(StandardCharsets.UTF_8))),
                row(".env.orodc: a bad value", 2, "CERT_DOMAIN=local (from ",
                        t -> t.projectFile("CERT_DOMAIN=local\n".getBytes(StandardCharsets.UTF_8))),
                row(".env.orodc: binary", 2, ".env.orodc:1 is not UTF-8 text (byte 3): it must hold KEY=value lines",
                        t -> t.projectFile(new byte[] {'A', '=', (byte) 0xc3, (byte) 0x28, '\n'})),
                row(".env.orodc: a NUL byte", 2, ".env.orodc:1 is not text (a NUL at byte 3)",
                        t -> t.projectFile(new byte[] {'A', '=', 0, '\n'})),
                row(".env.orodc: a 10 MB line", 2, ".env.orodc:1 is not a KEY=value line: xxxxxxxx",
                        t -> t.projectFile(huge.getBytes(StandardCharsets.US_ASCII))),
                row(".env.orodc: a 10 MB value", 2, "CERT_DOMAIN=xxxxxxxx",
                        t -> t.projectFile(("CERT_DOMAIN=" + huge).getBytes(StandardCharsets.US_ASCII))),
                row("trust-snippet --service with a space", 2, "--service php fpm is not a compose service name",
                        t -> t.cli().in(t.project).run("proxy", "trust-snippet", "--service", "php fpm")),
                row("--key-type dsa", 2, "unknown key type 'dsa'",
                        t -> t.installCerts("--key-type", "dsa")),
                row("--extra-name with a space", 2, "extra name 'a b.docker.local' is not a valid host name",
                        t -> t.installCerts("--extra-name", "a b.docker.local")),
                row("--extra-name outside CERT_DOMAIN", 2, "extra name 'bank.example.com' is outside docker.local",
                        t -> t.installCerts("--extra-name", "bank.example.com")),
                row("--adopt-ca of a missing directory", 4, "no-such-ca is not a directory; give the directory that holds ca.crt and ca.key",
                        t -> t.installCerts("--adopt-ca", t.project.resolve("no-such-ca").toString())),
                row("certs: root-ca.pem corrupt", 5, "root-ca.pem holds no PEM certificate; restore it from a backup",
                        t -> t.afterInstall("root-ca.pem", "not a certificate\n")),
                row("certs: leaf.key of another pair", 5, "leaf.key does not belong to leaf.pem",
                        t -> {
                            t.installCerts().assertSuccess();
                            Shell.run("openssl", "genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-256",
                                    "-out", t.home.resolve("certs/leaf.key").toString()).orFail();
                            return t.runAgain();
                        }),
                row("certs: leaf.key without leaf.pem", 5, "leaf.key is there without leaf.pem",
                        t -> {
                            t.installCerts().assertSuccess();
                            Files.delete(t.home.resolve("certs/leaf.pem"));
                            return t.runAgain();
                        }),
                row("certs: intermediate key missing", 5, "intermediate-ca.pem is there without intermediate-ca.key",
                        t -> {
                            t.installCerts().assertSuccess();
                            Files.delete(t.home.resolve("certs/intermediate-ca.key"));
                            return t.runAgain();
                        }),
                row("certs: a binary leaf.key", 5, "leaf.key holds no PEM private key",
                        t -> {
                            t.installCerts().assertSuccess();
                            Files.write(t.home.resolve("certs/leaf.key"), new byte[] {0, (byte) 0xff, 1, 2});
                            return t.runAgain();
                        }),
                row("certs is a file", 4, "certs is not a directory",
                        t -> {
                            Files.writeString(t.home.resolve("certs"), "x");
                            return t.runAgain();
                        }));
    }

    private static Arguments row(String input, int exitCode, String message, Input run) {
        return arguments(input, exitCode, message, run);
    }

    private DirectorySnapshot before;

    @ParameterizedTest(name = "{0}: exit {1}")
    @MethodSource("rows")
    void aBadInputIsOneLineWithItsExitCodeAndChangesNothing(String input, int exitCode, String message, Input run)
            throws Exception {
        CliResult r = run.apply(this);

        r.assertExit(exitCode).assertErr(message);
        assertThat(r.err().strip().lines()).as("one line").hasSize(1);
        assertThat(r.err().length()).as("a short line").isLessThan(600);
        assertThat(r.err()).doesNotContain("s3cret", "ppppppppp", "Exception", "This is a bug");
        if (before != null) {
            assertThat(snapshot()).as("files unchanged").isEqualTo(before);
        }
    }

    CliDriver cli() {
        return new InProcessCli(home);
    }

    CliResult config(String variable, String value) throws Exception {
        before = snapshot();
        return cli().env(variable, value).in(project).run("config");
    }

    CliResult projectFile(byte[] content) throws Exception {
        Files.write(project.resolve(".env.orodc"), content);
        before = snapshot();
        return cli().in(project).run("proxy", "install-certs");
    }

    CliResult installCerts(String... options) throws Exception {
        String[] args = new String[options.length + 2];
        args[0] = "proxy";
        args[1] = "install-certs";
        System.arraycopy(options, 0, args, 2, options.length);
        before = snapshot();
        return cli().in(project).run(args);
    }

    CliResult afterInstall(String certFile, String content) throws Exception {
        installCerts().assertSuccess();
        Files.writeString(home.resolve("certs").resolve(certFile), content);
        return runAgain();
    }

    CliResult runAgain() throws Exception {
        before = snapshot();
        return cli().in(project).run("proxy", "install-certs");
    }

    private DirectorySnapshot snapshot() {
        return new DirectorySnapshot(new TreeMap<>(Map.of(
                "home", DirectorySnapshot.of(home).entries().toString(),
                "project", DirectorySnapshot.of(project).entries().toString())));
    }
}
