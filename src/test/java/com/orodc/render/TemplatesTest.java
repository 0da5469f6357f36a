package com.orodc.render;

import io.quarkus.qute.TemplateException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Rendering is strict: a template naming data the model lacks fails instead of writing a blank. */
class TemplatesTest {
    record OnlyALogLevel(String logLevel) {
    }

    @Test
    void missingModelDataFailsTheRendering() {
        assertThatThrownBy(() -> Templates.render("traefik/" + TraefikConfigRenderer.STATIC_FILE, new OnlyALogLevel("INFO")))
                .isInstanceOf(TemplateException.class)
                .hasMessageContaining("httpEntrypoint");
    }

    @Test
    void unknownTemplateIsABuildDefect() {
        assertThatThrownBy(() -> Templates.render("traefik/nothing-here.yml", new OnlyALogLevel("INFO")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("orodc/traefik/nothing-here.yml");
    }
}
