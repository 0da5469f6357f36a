package com.orodc.render;

import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialects;
import com.orodc.core.ConfigKey;
import com.orodc.core.ConfigResolver;
import com.orodc.core.OrodcConfig;
import com.orodc.core.ProxyContainerSpec;
import com.orodc.testing.Shell;
import com.orodc.workflow.ProxyLayout;
import com.orodc.workflow.ProxySpecs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The compose file users can run instead of install-proxy: valid per the spec, and what docker-compose reads. */
class ComposeFileRendererTest {
    private static final Path HOME = Path.of("/home/dev/.orodc");

    private static ProxyContainerSpec spec(Map<String, String> env) {
        OrodcConfig config = new ConfigResolver(env, Path.of("/nonexistent")).resolve(Map.<ConfigKey, String>of());
        return ProxySpecs.forConfig(config, new ProxyLayout(HOME.resolve("proxy")), "orodc-proxy:0.1.0", "/var/run/docker.sock");
    }

    private static Schema composeSchema() throws Exception {
        try (InputStream in = ComposeFileRendererTest.class.getClassLoader().getResourceAsStream("schemas/compose-spec.json")) {
            // the compose schema names draft-07 without the trailing '#' and has a relative $id:
            // select the dialect explicitly and give the document a base location
            return SchemaRegistry.withDialect(Dialects.getDraft7())
                    .getSchema(SchemaLocation.of("classpath:schemas/compose_spec.json"), in, InputFormat.JSON);
        }
    }

    @Test
    void defaultMatchesGoldenAndSchema() throws Exception {
        String yaml = ComposeFileRenderer.render(spec(Map.of()));
        GoldenFiles.assertMatches("compose/default/docker-compose-proxy.yml", yaml);
        assertThat(composeSchema().validate(TraefikSchemas.tree(yaml))).isEmpty();
    }

    @Test
    void socksWithAwkwardPasswordStaysValid(@TempDir Path dir) throws Exception {
        String yaml = ComposeFileRenderer.render(spec(Map.of("DC_PROXY_SOCKS5_ENABLED", "1", "DC_PROXY_SOCKS5_USER", "dev",
                "DC_PROXY_SOCKS5_PASS", "p#ss: \"x\"", "TRAEFIK_BIND_ADDRESS", "::1")));
        GoldenFiles.assertMatches("compose/socks5/docker-compose-proxy.yml", yaml);
        assertThat(composeSchema().validate(TraefikSchemas.tree(yaml))).isEmpty();
        assertThat(TraefikSchemas.tree(yaml).get("services").get("proxy").get("environment").get("DC_PROXY_SOCKS5_PASS").asString())
                .isEqualTo("p#ss: \"x\"");

        Path file = dir.resolve("docker-compose-proxy.yml");
        Files.writeString(file, yaml);
        var config = Shell.run("docker-compose", "-f", file.toString(), "config");
        assertThat(config.exitCode()).as(config.err()).isZero();
        assertThat(config.out()).contains("::1:8443:443/tcp").contains("127.0.0.1:1080:1080/tcp")
                .contains("DC_PROXY_SOCKS5_PASS: 'p#ss: \"x\"'").contains("/etc/traefik/certs:ro");
    }

    @Test
    void aSchemaViolationIsCaught() throws Exception {
        String yaml = ComposeFileRenderer.render(spec(Map.of())).replace("mem_limit:", "memory_limit:");
        assertThat(composeSchema().validate(TraefikSchemas.tree(yaml))).isNotEmpty();
    }
}
