package com.orodc.render;

import com.orodc.testing.HostTools;
import com.orodc.testing.Shell;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The compose lines of proxy trust-snippet: as golden, valid compose, and merged by compose into a project's file. */
class TrustSnippetRendererTest {
    private static String render(List<String> services) {
        return TrustSnippetRenderer.render(new TrustSnippetRenderer.Input(services, "docker.local", "/home/dev/.orodc/ca-trust",
                "/etc/orodc/ca", "ca-bundle.pem", "root-ca.pem", "orodc-ca.ini"));
    }

    @Test
    void twoServicesMatchGoldenAndSchema() throws Exception {
        String yaml = render(List.of("php-fpm", "consumer"));
        GoldenFiles.assertMatches("trust-snippet/two-services.yml", yaml);
        assertThat(ComposeFileRendererTest.composeSchema().validate(TraefikSchemas.tree(yaml))).isEmpty();
    }

    @Test
    @EnabledOnOs(value = OS.LINUX, disabledReason = "needs Docker Compose, which the Linux test machines have")
    void composeMergesItIntoTheProjectsOwnService(@TempDir Path dir) throws Exception {
        Path project = Files.writeString(dir.resolve("docker-compose.yml"), """
                services:
                  php-fpm:
                    image: php:8.3-fpm
                    environment:
                      APP_ENV: dev
                    volumes:
                      - ./src:/var/www
                """);
        Path snippet = Files.writeString(dir.resolve("docker-compose.orodc-ca.yml"), render(List.of("php-fpm")));
        var config = Shell.run(HostTools.compose("-f", project.toString(), "-f", snippet.toString(), "config"));
        assertThat(config.exitCode()).as(config.err()).isZero();
        JsonNode php = TraefikSchemas.tree(config.out()).get("services").get("php-fpm");
        // the project's own mount stays beside ours
        assertThat(ComposeFileRendererTest.volumes(php)).contains("/etc/orodc/ca:ro").anyMatch(v -> v.startsWith("/var/www"));
        JsonNode env = php.get("environment");
        assertThat(env.get("APP_ENV").asString()).isEqualTo("dev");
        assertThat(env.get("SSL_CERT_FILE").asString()).isEqualTo("/etc/orodc/ca/ca-bundle.pem");
        assertThat(env.get("CURL_CA_BUNDLE").asString()).isEqualTo("/etc/orodc/ca/ca-bundle.pem");
        assertThat(env.get("REQUESTS_CA_BUNDLE").asString()).isEqualTo("/etc/orodc/ca/ca-bundle.pem");
        assertThat(env.get("NODE_EXTRA_CA_CERTS").asString()).isEqualTo("/etc/orodc/ca/root-ca.pem");
        assertThat(env.get("PHP_INI_SCAN_DIR").asString()).isEqualTo(":/etc/orodc/ca");
    }
}
