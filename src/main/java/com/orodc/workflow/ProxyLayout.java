package com.orodc.workflow;

import com.orodc.core.OrodcHome;

import java.nio.file.Path;

/**
 * The proxy's files under {@code $ORODC_HOME/proxy}: what the container mounts. Only the leaf, its chain and
 * its key are copied next to the config: the CA keys never enter the container.
 */
public record ProxyLayout(Path dir) {
    public static ProxyLayout of(OrodcHome home) {
        return new ProxyLayout(home.proxy());
    }

    public Path staticConfig() {
        return dir.resolve("traefik.yml");
    }

    public Path dynamicDir() {
        return dir.resolve("dynamic");
    }

    public Path servedCerts() {
        return dir.resolve("certs");
    }

    public Path composeFile() {
        return dir.resolve("docker-compose-proxy.yml");
    }
}
