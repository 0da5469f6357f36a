package com.orodc.cli;

import com.networknt.schema.InputFormat;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialects;
import com.orodc.certs.trust.TestCa;
import com.orodc.testing.CliDriver;
import com.orodc.testing.CliResult;
import com.orodc.testing.FakeWsl;
import com.orodc.testing.InProcessCli;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * config, export-proxy-cert and proxy-status in a fake WSL 2 distribution with the stand-in certutil.exe on PATH
 * (nothing of Windows runs here); Docker is pointed at a socket that does not exist, so no engine is needed.
 */
class WslCommandsTest {
    @TempDir
    Path home;
    @TempDir
    Path dir;
    FakeWsl wsl;

    @BeforeEach
    void setUp() {
        wsl = new FakeWsl(dir);
    }

    CliDriver cli() {
        CliDriver cli = new InProcessCli(home).env("DOCKER_HOST", "unix://" + dir.resolve("no-docker.sock"));
        wsl.environment().forEach(cli::env);
        return cli;
    }

    @Test
    void configShowsWsl2AndNothingNewOffWsl() {
        cli().run("config").assertSuccess()
                .assertOut("WSL                      WSL 2 (distribution Ubuntu-24.04), Windows drives under /mnt/, Windows programs can run");
        wsl.notWsl();
        assertThat(cli().run("config").assertSuccess().out()).doesNotContain("WSL");
    }

    @Test
    void exportProxyCertInstallStatusUninstallOnWindows() throws Exception {
        TestCa.create(Files.createDirectories(dir.resolve("ca")), "OroDC Local CA").installAsOrodcRoot(home);

        cli().run("export-proxy-cert", "--install", "--store", "windows").assertSuccess()
                .assertOut("windows  Windows CurrentUser\\Root: trusted (thumbprint ");
        assertThat(wsl.storeLines()).hasSize(1);
        assertThat(Files.readString(home.resolve("state/trust-record.json")))
                .as("the record says what was added where").contains("\"store\" : \"windows\"", "\"location\" : \"Windows CurrentUser\\\\Root\"");
        cli().run("export-proxy-cert", "--status").assertSuccess().assertOut("windows  Windows CurrentUser\\Root: trusted (thumbprint ");

        cli().run("export-proxy-cert", "--uninstall").assertSuccess().assertOut("windows  Windows CurrentUser\\Root: removed (thumbprint ");
        assertThat(wsl.storeLines()).isEmpty();
        assertThat(wsl.calls()).filteredOn(c -> c.contains("-delstore")).hasSize(1);
    }

    @Test
    void proxyStatusJsonHasTheWslChecksInTheDocumentedShape() throws Exception {
        TestCa.create(Files.createDirectories(dir.resolve("ca")), "OroDC Local CA").installAsOrodcRoot(home);

        CliResult result = cli().run("proxy-status", "--json").assertExit(3);

        JsonNode doc = JsonMapper.builder().build().readTree(result.out());
        try (InputStream in = Files.newInputStream(Path.of("docs/proxy-status.schema.json"))) {
            var schema = SchemaRegistry.withDialect(Dialects.getDraft7())
                    .getSchema(SchemaLocation.of("https://orodc.local/schemas/proxy-status.schema.json"), in, InputFormat.JSON);
            assertThat(schema.validate(doc)).as(result.out()).isEmpty();
        }
        List<String> ids = new ArrayList<>();
        doc.get("checks").forEach(c -> ids.add(c.get("id").asString()));
        assertThat(ids).contains("wsl", "windows-trust", "windows-hosts", "windows-ports");
        assertThat(result.out()).contains("orodc export-proxy-cert --install (Windows asks once)");

        wsl.notWsl();
        assertThat(cli().run("proxy-status", "--json").out()).doesNotContain("\"wsl\"").doesNotContain("windows-");
    }
}
