package com.orodc.services;

import com.orodc.core.ConfigKey;
import com.orodc.render.TraefikPaths;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
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
        try (InputStream in = ImageEnvironmentTest.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            assertThat(in).as(RESOURCE + " on the classpath").isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        }
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
}
