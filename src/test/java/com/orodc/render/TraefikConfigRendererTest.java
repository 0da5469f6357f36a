package com.orodc.render;

import com.orodc.certs.CertFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rendered Traefik files for the default settings and for every setting a user can change:
 * each is valid against the official schemas and equal to its golden file. Host ports and SOCKS5
 * are outside Traefik's configuration, so those settings must render exactly the default files.
 */
class TraefikConfigRendererTest {
    static Stream<Arguments> settings() {
        return Stream.of(
                Arguments.of("default", Map.of(), "default"),
                Arguments.of("log level", Map.of("TRAEFIK_LOG_LEVEL", "debug"), "log-level-debug"),
                Arguments.of("another CERT_DOMAIN", Map.of("CERT_DOMAIN", "Dev.Example.Test"), "cert-domain-dev.example.test"),
                Arguments.of("host ports and address", Map.of(
                        "TRAEFIK_BIND_ADDRESS", "0.0.0.0",
                        "TRAEFIK_BIND_PORT", "9080",
                        "TRAEFIK_HTTPS_BIND_PORT", "9443"), "default"),
                Arguments.of("SOCKS5 on with a user", Map.of(
                        "DC_PROXY_SOCKS5_ENABLED", "1",
                        "DC_PROXY_SOCKS5_PORT", "1081",
                        "DC_PROXY_SOCKS5_USER", "dev",
                        "DC_PROXY_SOCKS5_PASS", "secret"), "default"),
                Arguments.of("SOCKS5 off", Map.of("DC_PROXY_SOCKS5_ENABLED", "0"), "default"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("settings")
    void staticConfigIsValidAndMatchesItsGoldenFile(String name, Map<String, String> env, String golden) {
        String yaml = RenderedTraefik.file(env, TraefikConfigRenderer.STATIC_FILE);
        assertThat(TraefikSchemas.violations(TraefikSchemas.STATIC, yaml)).isEmpty();
        GoldenFiles.assertMatches("traefik/" + golden + "/traefik.yml", yaml);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("settings")
    void dynamicConfigIsValidAndMatchesItsGoldenFile(String name, Map<String, String> env, String golden) {
        String yaml = RenderedTraefik.file(env, TraefikConfigRenderer.DYNAMIC_FILE);
        assertThat(TraefikSchemas.violations(TraefikSchemas.DYNAMIC, yaml)).isEmpty();
        GoldenFiles.assertMatches("traefik/" + golden + "/dynamic/proxy.yml", yaml);
    }

    @Test
    void rendersTheStaticAndTheDynamicFileUnderTheirMountPaths() {
        assertThat(RenderedTraefik.render(Map.of())).extracting(RenderedFile::path).containsExactly("traefik.yml", "dynamic/proxy.yml");
    }

    @Test
    void staticConfigKeepsTheEntrypointContractAndTurnsTlsOnAtDefault() {
        JsonNode root = TraefikSchemas.tree(RenderedTraefik.file(Map.of(), TraefikConfigRenderer.STATIC_FILE));
        JsonNode entryPoints = root.get("entryPoints");
        assertThat(entryPoints.get("web").get("address").asString()).isEqualTo(":80");
        assertThat(entryPoints.get("default").get("address").asString()).isEqualTo(":443");
        assertThat(entryPoints.get("default").get("http").get("tls").isObject()).isTrue();
        assertThat(entryPoints.get("web").get("forwardedHeaders").get("trustedIPs").valueStream().map(JsonNode::asString))
                .containsExactly("127.0.0.0/8", "::1/128", "10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "fc00::/7");
        JsonNode docker = root.get("providers").get("docker");
        assertThat(docker.get("exposedByDefault").asBoolean()).isFalse();
        assertThat(docker.get("network").asString()).isEqualTo("dc_shared_net");
        assertThat(root.get("providers").get("file").get("directory").asString()).isEqualTo(TraefikPaths.DYNAMIC_DIR);
        assertThat(root.get("providers").get("file").get("watch").asBoolean()).isTrue();
        // the ping entrypoint is what `traefik healthcheck --ping` calls; projects never land on it
        assertThat(root.get("ping").get("entryPoint").asString()).isEqualTo("ping");
        assertThat(entryPoints.get("ping").has("asDefault")).isFalse();
        assertThat(root.get("api").get("insecure").asBoolean()).isFalse();
        assertThat(root.get("global").get("checkNewVersion").asBoolean()).isFalse();
        assertThat(root.get("global").get("sendAnonymousUsage").asBoolean()).isFalse();
    }

    @Test
    void logLevelComesFromTheSetting() {
        JsonNode root = TraefikSchemas.tree(RenderedTraefik.file(Map.of("TRAEFIK_LOG_LEVEL", "warn"), TraefikConfigRenderer.STATIC_FILE));
        assertThat(root.get("log").get("level").asString()).isEqualTo("WARN");
    }

    @Test
    void dynamicConfigServesTheMountedChainWithTls12AtLeast() {
        JsonNode tls = TraefikSchemas.tree(RenderedTraefik.file(Map.of(), TraefikConfigRenderer.DYNAMIC_FILE)).get("tls");
        JsonNode cert = tls.get("stores").get("default").get("defaultCertificate");
        assertThat(cert.get("certFile").asString()).isEqualTo("/etc/traefik/certs/fullchain.pem");
        assertThat(cert.get("keyFile").asString()).isEqualTo("/etc/traefik/certs/leaf.key");
        assertThat(tls.get("options").get("default").get("minVersion").asString()).isEqualTo("VersionTLS12");
        assertThat(tls.get("options").get("default").get("sniStrict").asBoolean()).isFalse();
    }

    @Test
    void certificateFileNamesAreTheOnesOrodcWrites() {
        var certs = new CertFiles(Path.of(TraefikPaths.CERT_DIR));
        assertThat(TraefikPaths.CHAIN_FILE).isEqualTo(certs.chain().toString());
        assertThat(TraefikPaths.KEY_FILE).isEqualTo(certs.leafKey().toString());
    }

    @Test
    void pingAndDashboardAnswerOnlyOnTheProxyHostNamesAndTheLoopbackNames() {
        JsonNode routers = TraefikSchemas.tree(RenderedTraefik.file(Map.of("CERT_DOMAIN", "dev.test"), TraefikConfigRenderer.DYNAMIC_FILE))
                .get("http").get("routers");
        JsonNode dashboard = routers.get("orodc-dashboard");
        assertThat(dashboard.get("rule").asString()).isEqualTo("Host(`proxy.dev.test`) || Host(`traefik.dev.test`)");
        assertThat(dashboard.get("service").asString()).isEqualTo("api@internal");
        JsonNode ping = routers.get("orodc-ping");
        // bash OroDC's scripts check http://127.0.0.1:8880/ping
        assertThat(ping.get("rule").asString())
                .isEqualTo("(Host(`proxy.dev.test`) || Host(`127.0.0.1`) || Host(`localhost`)) && Path(`/ping`)");
        assertThat(ping.get("service").asString()).isEqualTo("ping@internal");
        // and its users open http://127.0.0.1:8880/traefik/dashboard/; only there, never on a project's host
        JsonNode local = routers.get("orodc-dashboard-local");
        assertThat(local.get("rule").asString()).isEqualTo("(Host(`127.0.0.1`) || Host(`localhost`)) && PathPrefix(`/traefik`)");
        assertThat(local.get("service").asString()).isEqualTo("api@internal");
        JsonNode strip = TraefikSchemas.tree(RenderedTraefik.file(Map.of("CERT_DOMAIN", "dev.test"), TraefikConfigRenderer.DYNAMIC_FILE))
                .get("http").get("middlewares").get(local.get("middlewares").get(0).asString());
        assertThat(strip.get("stripPrefix").get("prefixes").get(0).asString()).isEqualTo("/traefik");
        // by rule length alone the longer dashboard rule would take /ping on proxy.CERT_DOMAIN
        assertThat(ping.get("priority").asInt()).isGreaterThan(dashboard.get("rule").asString().length());
    }
}
