package com.orodc.docker;

import com.orodc.core.OrodcException;
import com.orodc.core.UntrustedText;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/** A Docker endpoint address as the user gives it (DOCKER_HOST, a context), checked before it is used. */
final class DockerHost {
    static final String ACCEPTED = "unix:///path/to/docker.sock, tcp://HOST:PORT or npipe:////./pipe/NAME";

    private DockerHost() {
    }

    /** @param origin what the value is, for the message (e.g. {@code DOCKER_HOST}) */
    static URI parse(String value, String origin) {
        String v = value.strip();
        URI uri;
        try {
            uri = new URI(v);
        } catch (URISyntaxException e) {
            throw invalid(v, origin, "not a URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        switch (scheme) {
            case "unix", "npipe" -> {
                if (uri.getPath() == null || uri.getPath().isEmpty() || uri.getPath().equals("/")) {
                    throw invalid(v, origin, "no socket path");
                }
            }
            case "tcp", "http", "https" -> {
                if (uri.getHost() == null || uri.getPort() < 1) {
                    throw invalid(v, origin, "no HOST:PORT");
                }
            }
            case "ssh" -> throw OrodcException.usage(origin + "=" + shown(v) + " uses ssh://, which orodc cannot open:"
                    + " forward the remote socket (ssh -nNT -L /tmp/docker.sock:/var/run/docker.sock HOST) and use unix:///tmp/docker.sock");
            default -> throw invalid(v, origin, scheme.isEmpty() ? "no scheme" : "unknown scheme " + scheme + "://");
        }
        return uri;
    }

    private static OrodcException invalid(String value, String origin, String why) {
        return OrodcException.usage(origin + "=" + shown(value) + " is not valid (" + why + "): expected " + ACCEPTED);
    }

    private static String shown(String value) {
        return UntrustedText.of(value);
    }
}
