package com.orodc.cli;

import com.orodc.core.ComponentVersions;

/** What {@code orodc --version} prints; no picocli type, so that the launcher's start-up archive can hold it. */
final class VersionText {
    private VersionText() {
    }

    static String[] lines() {
        ComponentVersions v = ComponentVersions.load();
        return new String[] {
                "orodc " + v.orodc(),
                "proxy image components:",
                "  traefik     " + v.traefik(),
                "  s6-overlay  " + v.s6Overlay(),
                "  base image  " + v.alpineImage(),
                "  socks5      " + v.socks5Image(),
                "java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")",
        };
    }
}
