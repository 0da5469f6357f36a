package com.orodc.cli;

import com.orodc.core.ComponentVersions;
import picocli.CommandLine.IVersionProvider;

class VersionProvider implements IVersionProvider {
    @Override
    public String[] getVersion() {
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
