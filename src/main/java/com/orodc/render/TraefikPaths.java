package com.orodc.render;

/**
 * Where things are inside the proxy container. The rendered files name these paths, the s6 scripts
 * use the same ones (the certificate directory also through {@code ORODC_CERT_DIR}), and whoever
 * creates the container mounts the host directories there.
 */
public final class TraefikPaths {
    /** Traefik's own directory: the static configuration the {@code traefik} service starts with. */
    public static final String CONFIG_DIR = "/etc/traefik";
    public static final String STATIC_CONFIG = CONFIG_DIR + "/traefik.yml";
    /** Watched by the file provider: files dropped here take effect without a restart. */
    public static final String DYNAMIC_DIR = CONFIG_DIR + "/dynamic";
    /** The mounted certificate directory, read-only; file names as in {@code certs.CertFiles}. */
    public static final String CERT_DIR = CONFIG_DIR + "/certs";
    public static final String CHAIN_FILE = CERT_DIR + "/fullchain.pem";
    public static final String KEY_FILE = CERT_DIR + "/leaf.key";
    public static final String DOCKER_SOCKET = "/var/run/docker.sock";

    private TraefikPaths() {
    }
}
