package com.orodc.probe;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/** Whether a host port can still be bound: the check behind "port 8880 is busy". */
public final class HostPorts {
    private HostPorts() {
    }

    public static boolean isFree(InetAddress address, int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(false);
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
