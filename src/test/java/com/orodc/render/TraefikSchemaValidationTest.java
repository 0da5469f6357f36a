package com.orodc.render;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The schema check is real: a rendered file with a misspelt or misplaced key is rejected. */
class TraefikSchemaValidationTest {
    private static String rendered(String path) {
        return RenderedTraefik.file(Map.of(), path);
    }

    @Test
    void misspeltStaticKeyIsRejected() {
        String yaml = rendered(TraefikConfigRenderer.STATIC_FILE);
        assertThat(yaml).contains("exposedByDefault:");
        String misspelt = yaml.replace("exposedByDefault:", "exposedbydefault:");
        assertThat(TraefikSchemas.violations(TraefikSchemas.STATIC, misspelt))
                .anySatisfy(v -> assertThat(v).contains("exposedbydefault"));
    }

    @Test
    void misspeltDynamicKeyIsRejected() {
        String yaml = rendered(TraefikConfigRenderer.DYNAMIC_FILE);
        assertThat(yaml).contains("defaultCertificate:");
        String misspelt = yaml.replace("defaultCertificate:", "defaultCertficate:");
        assertThat(TraefikSchemas.violations(TraefikSchemas.DYNAMIC, misspelt))
                .anySatisfy(v -> assertThat(v).contains("defaultCertficate"));
    }

    @Test
    void wrongValueTypeIsRejected() {
        String yaml = rendered(TraefikConfigRenderer.STATIC_FILE).replace("checkNewVersion: false", "checkNewVersion: [no]");
        assertThat(TraefikSchemas.violations(TraefikSchemas.STATIC, yaml)).isNotEmpty();
    }
}
