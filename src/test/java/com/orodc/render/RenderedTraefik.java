package com.orodc.render;

import com.orodc.core.ConfigResolver;
import com.orodc.core.OrodcConfig;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Renders the Traefik files for settings given as environment variables, as a user would set them. */
final class RenderedTraefik {
    // an empty directory as the project, so no .env.orodc of the machine running the tests leaks in
    private static final Path PROJECT_DIR = emptyDirectory();

    private RenderedTraefik() {
    }

    static OrodcConfig config(Map<String, String> env) {
        return new ConfigResolver(env, PROJECT_DIR).resolve(Map.of());
    }

    static List<RenderedFile> render(Map<String, String> env) {
        return new TraefikConfigRenderer().render(config(env));
    }

    static String file(Map<String, String> env, String path) {
        return render(env).stream().filter(f -> f.path().equals(path)).findFirst().orElseThrow().content();
    }

    private static Path emptyDirectory() {
        try {
            Path dir = Files.createTempDirectory("orodc-render-project");
            dir.toFile().deleteOnExit();
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
