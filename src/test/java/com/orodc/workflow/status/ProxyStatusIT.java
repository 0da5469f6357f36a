package com.orodc.workflow.status;

import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialects;
import com.orodc.testing.CliResult;
import com.orodc.testing.PackagedCli;
import com.orodc.testing.ProxyFixture;
import com.orodc.testing.Shell;
import com.orodc.workflow.ProxyTestBase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** proxy-status in every state a user meets, with its exit codes and its documented JSON shape. */
class ProxyStatusIT extends ProxyTestBase {
    private static Schema statusSchema() throws Exception {
        try (InputStream in = Files.newInputStream(Path.of("docs/proxy-status.schema.json"))) {
            return SchemaRegistry.withDialect(Dialects.getDraft7())
                    .getSchema(SchemaLocation.of("https://orodc.local/schemas/proxy-status.schema.json"), in, InputFormat.JSON);
        }
    }

    private static JsonNode json(CliResult result) throws Exception {
        JsonNode doc = JsonMapper.builder().build().readTree(result.out());
        assertThat(statusSchema().validate(doc)).as(result.out()).isEmpty();
        assertThat(doc.get("exitCode").asInt()).isEqualTo(result.exitCode());
        return doc;
    }

    private static String level(JsonNode doc, String id) {
        for (JsonNode check : doc.get("checks")) {
            if (check.get("id").asString().equals(id)) {
                return check.get("status").asString();
            }
        }
        return "absent";
    }

    @Test
    void notInstalledIsExitTwoWithTheFix() throws Exception {
        proxy.cli().run("proxy-status").assertExit(2)
                .assertOut("FAIL Container        no container named 'proxy'")
                .assertOut("fix: install it: orodc install-proxy");
        JsonNode doc = json(proxy.cli().run("proxy-status", "--json").assertExit(2));
        assertThat(doc.get("status").asString()).isEqualTo("FAIL");
    }

    @Test
    void healthyIsExitZeroAndVerifiesHttpsAgainstOurRoot() throws Exception {
        proxy.cli().run("install-proxy").assertSuccess();
        proxy.cli().run("proxy-status").assertSuccess()
                .assertOut("OK   Docker")
                .assertOut("OK   Health           healthy")
                .assertOut("OK   Ports            127.0.0.1:" + proxy.httpPort + "->80, 127.0.0.1:" + proxy.httpsPort + "->443")
                .assertOut("OK   HTTP ping")
                .assertOut("OK   HTTPS            TLSv1.3, chain of 2 verified for proxy.docker.local")
                .assertOut("OK   Root CA")
                .assertOut("root key kept in");
        JsonNode doc = json(proxy.cli().run("proxy-status", "--json").assertSuccess());
        assertThat(level(doc, "tls")).isEqualTo("OK");
        assertThat(level(doc, "leaf")).isEqualTo("OK");
    }

    @Test
    void stoppedIsExitOne() throws Exception {
        proxy.cli().run("install-proxy").assertSuccess();
        Shell.run("docker", "stop", "-t", "1", "proxy").orFail();
        proxy.cli().run("proxy-status").assertExit(1).assertOut("FAIL Container        proxy is exited").assertOut("fix: start it: orodc proxy up");
        assertThat(level(json(proxy.cli().run("proxy-status", "--json").assertExit(1)), "container")).isEqualTo("FAIL");
    }

    @Test
    void unhealthyIsExitOneWithTheLastHealthcheckOutput() throws Exception {
        proxy.cli().run("install-proxy").assertSuccess();
        Shell.run("docker", "exec", "proxy", "rm", "/www/ping").orFail();
        // retries x interval of the healthcheck, bounded
        for (int i = 0; i < 60 && !ProxyFixture.inspect("{{.State.Health.Status}}").equals("unhealthy"); i++) {
            Thread.sleep(500);
        }
        assertThat(ProxyFixture.inspect("{{.State.Health.Status}}")).isEqualTo("unhealthy");
        proxy.cli().run("proxy-status").assertExit(1).assertOut("FAIL Health           unhealthy").assertOut("FAIL HTTP ping");
    }

    @Test
    void aServedCertificateCloseToExpiryIsExitOne(@TempDir Path work) throws Exception {
        proxy.cli().run("install-proxy").assertSuccess();
        Path certs = home.resolve("certs");
        Path served = home.resolve("proxy/certs");
        Files.writeString(work.resolve("ext.cnf"), "subjectAltName=DNS:docker.local,DNS:*.docker.local\n"
                + "extendedKeyUsage=serverAuth\nkeyUsage=critical,digitalSignature\nbasicConstraints=critical,CA:FALSE\n");
        Shell.run("openssl", "req", "-new", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes",
                "-keyout", work.resolve("leaf.key").toString(), "-out", work.resolve("leaf.csr").toString(), "-subj", "/CN=docker.local").orFail();
        Shell.run("openssl", "x509", "-req", "-in", work.resolve("leaf.csr").toString(), "-days", "10",
                "-CA", certs.resolve("intermediate-ca.pem").toString(), "-CAkey", certs.resolve("intermediate-ca.key").toString(),
                "-CAcreateserial", "-extfile", work.resolve("ext.cnf").toString(), "-out", work.resolve("leaf.pem").toString()).orFail();
        Files.writeString(served.resolve("fullchain.pem"),
                Files.readString(work.resolve("leaf.pem")) + Files.readString(certs.resolve("intermediate-ca.pem")));
        Files.copy(work.resolve("leaf.key"), served.resolve("leaf.key"), StandardCopyOption.REPLACE_EXISTING);
        // Traefik watches its certificate files; the stand-in's TLS server reads them at start
        Shell.run("docker", "restart", "-t", "1", "proxy").orFail();
        for (int i = 0; i < 60 && !ProxyFixture.inspect("{{.State.Health.Status}}").equals("healthy"); i++) {
            Thread.sleep(500);
        }

        proxy.cli().run("proxy-status").assertExit(1)
                .assertOut("FAIL HTTPS")
                .assertOut("(expiring)")
                .assertOut("fix: renew it: orodc proxy install-certs");
        assertThat(level(json(proxy.cli().run("proxy-status", "--json").assertExit(1)), "tls")).isEqualTo("FAIL");
    }

    @Test
    void dockerUnreachableIsExitThree() {
        // a private mount namespace hides the engine's socket from this one run; the engine itself is untouched
        List<String> cmd = List.of("unshare", "--mount", "sh", "-c",
                "mount -t tmpfs none /run && exec \"$0\" -jar \"$1\" proxy-status",
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), PackagedCli.appJar().toString());
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().put("ORODC_HOME", home.toString());
        pb.environment().put("HOME", home.toString());
        pb.environment().remove("DOCKER_HOST");
        var result = Shell.run(pb, 120);
        assertThat(result.exitCode()).as(result.out() + result.err()).isEqualTo(3);
        assertThat(result.out()).contains("FAIL Docker").contains("Docker is not reachable (tried 8 places");
    }
}
