package com.orodc.docker;

import java.util.List;

/**
 * One container's endpoint on one network: its address there and the names Docker's resolver gives it,
 * besides the container's own name.
 */
public record NetworkAttachment(String network, String ipAddress, List<String> aliases) {
    public NetworkAttachment {
        ipAddress = ipAddress == null ? "" : ipAddress;
        aliases = aliases == null ? List.of() : List.copyOf(aliases);
    }
}
