package com.orodc.render;

import com.orodc.core.OrodcConfig;

import java.util.List;

/**
 * Renders Traefik's static configuration and the proxy's dynamic configuration from the resolved
 * settings. The paths are relative to the directory mounted at {@link TraefikPaths#CONFIG_DIR}.
 */
public final class TraefikConfigRenderer {
    public static final String STATIC_FILE = "traefik.yml";
    public static final String DYNAMIC_FILE = "dynamic/proxy.yml";

    public List<RenderedFile> render(OrodcConfig config) {
        return List.of(
                new RenderedFile(STATIC_FILE, Templates.render("traefik/" + STATIC_FILE, TraefikStaticConfig.from(config))),
                new RenderedFile(DYNAMIC_FILE, Templates.render("traefik/" + DYNAMIC_FILE, TraefikDynamicConfig.from(config))));
    }
}
