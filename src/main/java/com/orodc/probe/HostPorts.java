package com.orodc.probe;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/**
 * Whether a host port can still be bound: the check behind "port 8880 is busy". It answers what the
 * engine's own bind will answer: Docker binds published ports with SO_REUSEADDR, which sockets left in
 * TIME_WAIT by earlier connections do not block, while a listening socket does.
 */
public final class HostPorts {
    private HostPorts() {
    }

    public static boolean isFree(InetAddress address, int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(address, port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** The first free port at or above {@code from}, looking at most {@code span} ports further; -1 if none. */
    public static int firstFree(InetAddress address, int from, int span) {
        for (int port = from; port <= Math.min(65535, from + span); port++) {
            if (isFree(address, port)) {
                return port;
            }
        }
        return -1;
    }
}
