package com.orodc.render;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.dialect.Dialects;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/** The official Traefik v3 JSON schemas (src/test/resources/schemas), applied to rendered YAML. */
final class TraefikSchemas {
    private static final YAMLMapper YAML = YAMLMapper.builder().build();
    // draft-07 chosen explicitly: the schemas declare it but keep their definitions under $defs
    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDialect(Dialects.getDraft7());

    static final Schema STATIC = load("schemas/traefik-v3.json");
    static final Schema DYNAMIC = load("schemas/traefik-v3-file-provider.json");

    private TraefikSchemas() {
    }

    /** @return one line per violation ({@code location: message}); empty when the file is valid */
    static List<String> violations(Schema schema, String yaml) {
        JsonNode tree = YAML.readTree(yaml);
        List<Error> errors = schema.validate(tree);
        return errors.stream().map(e -> e.getInstanceLocation() + ": " + e.getMessage()).toList();
    }

    static JsonNode tree(String yaml) {
        return YAML.readTree(yaml);
    }

    private static Schema load(String resource) {
        try (InputStream in = TraefikSchemas.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is not on the test classpath");
            }
            return REGISTRY.getSchema(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
