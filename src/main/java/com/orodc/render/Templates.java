package com.orodc.render;

import io.quarkus.qute.Engine;
import io.quarkus.qute.ReflectionValueResolver;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateLocator;
import io.quarkus.qute.Variant;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The one Qute engine of the project, in standalone mode. Templates are the packaged top-level
 * folders (classpath {@code orodc/...}), so what is rendered is exactly what is in the repository.
 * Rendering is strict: a template that names data its model does not have fails instead of writing
 * an empty value into a configuration file.
 */
public final class Templates {
    /** Where the top-level folders ({@code traefik/}, {@code docker/}...) are packaged. */
    static final String CLASSPATH_ROOT = "orodc/";

    private static final Engine ENGINE = Engine.builder()
            .addDefaults()
            .addValueResolver(new ReflectionValueResolver())
            .addLocator(new ClasspathLocator())
            .strictRendering(true)
            .removeStandaloneLines(true)
            .build();

    private Templates() {
    }

    /**
     * Renders a template with a typed model as its root data: {@code {name}} in the template reads
     * the model's {@code name()}.
     *
     * @param id the template's path under the packaged folders, such as {@code traefik/traefik.yml}
     */
    public static String render(String id, Object model) {
        return template(id).data(model).render();
    }

    static Template template(String id) {
        Template template = ENGINE.getTemplate(id);
        if (template == null) {
            // the templates are packaged with the code: a missing one is a build defect, not user input
            throw new IllegalStateException("template " + CLASSPATH_ROOT + id + " is not on the classpath");
        }
        return template;
    }

    private static final class ClasspathLocator implements TemplateLocator {
        @Override
        public Optional<TemplateLocation> locate(String id) {
            String resource = CLASSPATH_ROOT + id;
            ClassLoader loader = Templates.class.getClassLoader();
            if (loader.getResource(resource) == null) {
                return Optional.empty();
            }
            return Optional.of(new TemplateLocation() {
                @Override
                public Reader read() {
                    InputStream in = loader.getResourceAsStream(resource);
                    return new InputStreamReader(in, StandardCharsets.UTF_8);
                }

                @Override
                public Optional<Variant> getVariant() {
                    return Optional.empty();
                }
            });
        }
    }
}
