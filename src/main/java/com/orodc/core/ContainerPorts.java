package com.orodc.core;

import java.util.List;

/** The ports Traefik listens on inside the proxy container; the published host ports map onto them. */
public final class ContainerPorts {
    public static final int WEB = 80;
    public static final int WEBSECURE = 443;
    /** Not published: only {@code traefik healthcheck --ping} inside the container uses it. */
    public static final int PING = 8082;
    public static final List<Integer> TRAEFIK = List.of(WEB, WEBSECURE, PING);

    private ContainerPorts() {
    }
}
