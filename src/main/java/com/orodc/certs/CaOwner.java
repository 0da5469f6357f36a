package com.orodc.certs;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Who a CA belongs to, written into the organisational unit of our certificates, so that a user who
 * finds "OroDC Local CA" in a trust store can tell which machine and account made it.
 */
public record CaOwner(String user, String host) {

    public static CaOwner current(Map<String, String> environment) {
        String user = environment.getOrDefault("USER", System.getProperty("user.name", "unknown"));
        return new CaOwner(user, hostName(environment));
    }

    private static String hostName(Map<String, String> environment) {
        String host = environment.get("HOSTNAME");
        if (host != null && !host.isBlank()) {
            return host.strip();
        }
        try {
            // before getLocalHost: that may wait for a DNS lookup
            Path etc = Path.of("/etc/hostname");
            if (Files.isReadable(etc)) {
                String value = Files.readString(etc).strip();
                if (!value.isEmpty()) {
                    return value;
                }
            }
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "localhost";
        }
    }

    public String describe() {
        return user + "@" + host;
    }
}
