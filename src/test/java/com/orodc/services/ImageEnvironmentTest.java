package com.orodc.services;

import com.orodc.core.ConfigKey;
import com.orodc.render.TraefikPaths;
import com.orodc.render.TraefikStaticConfig;
import com.orodc.workflow.ProxySpecs;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code docker/image.env}: the environment the image builder gives the proxy image, read from the
 * classpath as the builder reads it. Plain {@code KEY=VALUE} lines, nothing else.
 */
class ImageEnvironmentTest {
    private static final String RESOURCE = "orodc/docker/image.env";

    private static List<String> lines() throws IOException {
        return resource(RESOURCE).lines().toList();
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = ImageEnvironmentTest.class.getClassLoader().getResourceAsStream(name)) {
            assertThat(in).as(name + " on the classpath").isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** The ENV instructions of docker/Dockerfile, continuation lines joined, as KEY=VALUE in order. */
    private static Map<String, String> dockerfileEnvironment() throws IOException {
        String joined = resource("orodc/docker/Dockerfile").replace("\\\n", " ");
        Map<String, String> env = new LinkedHashMap<>();
        joined.lines().filter(l -> l.startsWith("ENV ")).forEach(l -> Arrays.stream(l.substring(4).trim().split("\\s+"))
                .forEach(pair -> env.put(pair.substring(0, pair.indexOf('=')), pair.substring(pair.indexOf('=') + 1))));
        return env;
    }

    private static Map<String, String> environment() throws IOException {
        Map<String, String> env = new LinkedHashMap<>();
        for (String line : lines()) {
            assertThat(line).as("every line is KEY=VALUE").matches("[A-Z_][A-Z0-9_]*=\\S.*");
            String key = line.substring(0, line.indexOf('='));
            assertThat(env).as("%s appears once", key).doesNotContainKey(key);
            env.put(key, line.substring(line.indexOf('=') + 1));
        }
        return env;
    }

    @Test
    void s6FailsTheContainerWhenAServiceCannotStart() throws IOException {
        // 2: stop the container when init-certs fails, instead of running Traefik without its certificate
        assertThat(environment()).containsEntry("S6_BEHAVIOUR_IF_STAGE2_FAILS", "2");
    }

    @Test
    void waitForServicesIsBounded() throws IOException {
        String wait = environment().get("S6_CMD_WAIT_FOR_SERVICES_MAXTIME");
        // 0 would wait forever
        assertThat(wait).isNotNull().matches("[1-9][0-9]*");
    }

    @Test
    void commandIsOnThePathWithTheUsualDirectories() throws IOException {
        assertThat(environment().get("PATH").split(":"))
                .startsWith("/command")
                .contains("/usr/local/bin", "/usr/bin", "/bin", "/sbin");
    }

    @Test
    void socks5DefaultsAreTheCliDefaults() throws IOException {
        Map<String, String> env = environment();
        assertThat(env).containsEntry("DC_PROXY_SOCKS5_ENABLED", ConfigKey.DC_PROXY_SOCKS5_ENABLED.defaultValue())
                .containsEntry("DC_PROXY_SOCKS5_PORT", ConfigKey.DC_PROXY_SOCKS5_PORT.defaultValue());
    }

    @Test
    void certificateDirectoryIsWhereTraefikReadsIt() throws IOException {
        assertThat(environment()).containsEntry("ORODC_CERT_DIR", TraefikPaths.CERT_DIR);
    }

    @Test
    void theDockerfileAppliesExactlyImageEnv() throws IOException {
        assertThat(dockerfileEnvironment()).containsExactlyEntriesOf(environment());
    }

    @Test
    void theDockerfileLetsBuildxChooseTheArchitecture() throws IOException {
        // with a default, buildx's per-platform value is ignored and arm64 images get amd64 binaries
        assertThat(resource("orodc/docker/Dockerfile").lines().filter(l -> l.startsWith("ARG TARGETARCH")))
                .containsExactly("ARG TARGETARCH");
    }

    @Test
    void theHealthcheckIgnoresProxyVariablesForLoopback() throws IOException {
        // Go reads NO_PROXY before no_proxy; a Docker client config may inject HTTP_PROXY into the container
        String noProxy = environment().get("NO_PROXY");
        assertThat(noProxy).isNotNull();
        assertThat(noProxy.split(",")).contains("localhost", "127.0.0.1", "::1");
    }

    @Test
    void onlyVariablesS6OverlayV3ReadsForS6RcServices() throws IOException {
        // S6_SERVICES_GRACETIME applies to legacy /etc/services.d only; our services are s6-rc ones
        assertThat(environment()).doesNotContainKey("S6_SERVICES_GRACETIME");
    }

    @Test
    void aStopFitsInsideTheContainersStopTimeout() throws IOException {
        Duration traefikGrace = TraefikStaticConfig.GRACE_TIME_OUT;
        Duration killAfter = Duration.ofMillis(Long.parseLong(resource("orodc/s6-rc.d/traefik/timeout-kill").strip()));
        Duration s6KillGrace = Duration.ofMillis(Long.parseLong(environment().get("S6_KILL_GRACETIME")));
        // Traefik drains open requests before s6 gives up on it; then s6 kills what is left, all before the engine would
        assertThat(killAfter).isGreaterThan(traefikGrace);
        assertThat(killAfter.plus(s6KillGrace)).isLessThan(ProxySpecs.STOP_TIMEOUT);
    }
}
