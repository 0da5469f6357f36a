package com.orodc.probe;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The port check answers what the engine's bind (with SO_REUSEADDR) will answer. */
class HostPortsTest {
    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

    @Test
    void aPortHeldOnlyByTimeWaitSocketsIsFree() throws IOException {
        int port;
        try (ServerSocket server = new ServerSocket()) {
            server.bind(new InetSocketAddress(LOOPBACK, 0));
            port = server.getLocalPort();
            try (Socket client = new Socket(LOOPBACK, port); Socket accepted = server.accept()) {
                // the side that closes first keeps the connection in TIME_WAIT on the server's port
                accepted.close();
                client.getInputStream().read();
            }
        }
        try (ServerSocket strict = new ServerSocket()) {
            strict.setReuseAddress(false);
            assertThatThrownBy(() -> strict.bind(new InetSocketAddress(LOOPBACK, port)))
                    .as("the TIME_WAIT socket this test is about").isInstanceOf(BindException.class);
        }
        assertThat(HostPorts.isFree(LOOPBACK, port)).isTrue();
    }

    @Test
    void aListeningPortIsBusy() throws IOException {
        try (ServerSocket server = new ServerSocket()) {
            server.setReuseAddress(true);
            server.bind(new InetSocketAddress(LOOPBACK, 0));
            assertThat(HostPorts.isFree(LOOPBACK, server.getLocalPort())).isFalse();
        }
    }
}
