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
import com.orodc.testing.HostTools;
import com.orodc.testing.Shell;
import com.orodc.workflow.ProxyLayout;
import com.orodc.workflow.ProxySpecs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import tools.jackson.databind.JsonNode;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The compose file users can run instead of install-proxy: valid per the spec, and what docker-compose reads. */
class ComposeFileRendererTest {
    private static final Path HOME = Path.of("/home/dev/.orodc");

    private static ProxyContainerSpec spec(Map<String, String> env) {
        OrodcConfig config = new ConfigResolver(env, Path.of("/nonexistent")).resolve(Map.<ConfigKey, String>of());
        return ProxySpecs.forConfig(config, new ProxyLayout(HOME.resolve("proxy")), "orodc-proxy:0.1.0", "/var/run/docker.sock");
    }

    static Schema composeSchema() throws Exception {
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
    @EnabledOnOs(value = OS.LINUX, disabledReason = "needs Docker Compose, which the Linux test machines have")
    void socksWithAwkwardPasswordStaysValid(@TempDir Path dir) throws Exception {
        String yaml = ComposeFileRenderer.render(spec(Map.of("DC_PROXY_SOCKS5_ENABLED", "1", "DC_PROXY_SOCKS5_USER", "dev",
                "DC_PROXY_SOCKS5_PASS", "p#ss: \"x\"", "TRAEFIK_BIND_ADDRESS", "::1")));
        GoldenFiles.assertMatches("compose/socks5/docker-compose-proxy.yml", yaml);
        assertThat(composeSchema().validate(TraefikSchemas.tree(yaml))).isEmpty();
        assertThat(TraefikSchemas.tree(yaml).get("services").get("proxy").get("environment").get("DC_PROXY_SOCKS5_PASS").asString())
                .isEqualTo("p#ss: \"x\"");

        Path file = dir.resolve("docker-compose-proxy.yml");
        Files.writeString(file, yaml);
        var config = Shell.run(HostTools.compose("-f", file.toString(), "config"));
        assertThat(config.exitCode()).as(config.err()).isZero();
        JsonNode proxy = TraefikSchemas.tree(config.out()).get("services").get("proxy");
        assertThat(ports(proxy)).as(config.out()).contains("::1:8443:443/tcp", "127.0.0.1:1080:1080/tcp");
        assertThat(proxy.get("environment").get("DC_PROXY_SOCKS5_PASS").asString()).isEqualTo("p#ss: \"x\"");
        assertThat(volumes(proxy)).as(config.out()).contains("/etc/traefik/certs:ro");
    }

    @Test
    void portsAndVolumesReadTheSameFromComposeV1AndV2() {
        JsonNode v1 = TraefikSchemas.tree("""
                ports: ['::1:8443:443/tcp']
                volumes: ['/home/dev/.orodc/proxy/certs:/etc/traefik/certs:ro', 'proxy_state:/state']
                """);
        JsonNode v2 = TraefikSchemas.tree("""
                ports:
                  - {mode: ingress, host_ip: '::1', target: 443, published: "8443", protocol: tcp}
                volumes:
                  - {type: bind, source: /home/dev/.orodc/proxy/certs, target: /etc/traefik/certs, read_only: true}
                  - {type: volume, source: proxy_state, target: /state}
                """);
        assertThat(ports(v2)).isEqualTo(ports(v1)).containsExactly("::1:8443:443/tcp");
        assertThat(volumes(v2)).isEqualTo(volumes(v1)).containsExactly("/etc/traefik/certs:ro", "/state");
    }

    /** Ports as HOST_IP:PUBLISHED:TARGET/PROTOCOL: v1 prints them so, v2 as objects. */
    private static List<String> ports(JsonNode service) {
        List<String> ports = new ArrayList<>();
        for (JsonNode p : service.get("ports")) {
            ports.add(p.isObject() ? p.path("host_ip").asString() + ":" + p.path("published").asString() + ":"
                    + p.path("target").asString() + "/" + p.path("protocol").asString() : p.asString());
        }
        return ports;
    }

    /** Volumes as TARGET or TARGET:ro, from v1's SOURCE:TARGET[:ro] or v2's objects. */
    static List<String> volumes(JsonNode service) {
        List<String> volumes = new ArrayList<>();
        for (JsonNode v : service.get("volumes")) {
            if (v.isObject()) {
                volumes.add(v.path("target").asString() + (v.path("read_only").asBoolean() ? ":ro" : ""));
            } else {
                String[] parts = v.asString().split(":");
                volumes.add(parts.length > 2 ? parts[1] + ":" + parts[2] : parts[parts.length - 1]);
            }
        }
        return volumes;
    }

    @Test
    void aSchemaViolationIsCaught() throws Exception {
        String yaml = ComposeFileRenderer.render(spec(Map.of())).replace("mem_limit:", "memory_limit:");
        assertThat(composeSchema().validate(TraefikSchemas.tree(yaml))).isNotEmpty();
    }
}
