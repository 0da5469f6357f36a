package com.orodc.docker;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.StandardProtocolFamily;
import java.net.URI;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;

/**
 * {@code GET /_ping} over a plain socket: deciding which candidate answers needs no HTTP client, and
 * building one per candidate costs more than the whole answer.
 */
final class EnginePing {
    private static final byte[] REQUEST = "GET /_ping HTTP/1.1\r\nHost: docker\r\nConnection: close\r\n\r\n"
            .getBytes(StandardCharsets.US_ASCII);

    private EnginePing() {
    }

    static boolean answers(URI uri, int timeoutMillis) {
        try {
            return uri.getScheme().equals("unix") ? unix(uri.getPath(), timeoutMillis) : tcp(uri, timeoutMillis);
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private static boolean unix(String path, int timeoutMillis) throws IOException {
        try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            channel.connect(UnixDomainSocketAddress.of(path));
            channel.write(ByteBuffer.wrap(REQUEST));
            // a blocking channel has no read timeout: closing it at the deadline ends the read
            try (Deadline ignored = Deadline.closing(channel, timeoutMillis)) {
                return isOk(Channels.newInputStream(channel));
            }
        }
    }

    private static boolean tcp(URI uri, int timeoutMillis) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(uri.getHost(), uri.getPort() < 0 ? 2375 : uri.getPort()), timeoutMillis);
            socket.setSoTimeout(timeoutMillis);
            socket.getOutputStream().write(REQUEST);
            return isOk(socket.getInputStream());
        }
    }

    private static boolean isOk(InputStream in) throws IOException {
        String status = new String(in.readNBytes(12), StandardCharsets.US_ASCII);
        return status.startsWith("HTTP/1.") && status.endsWith(" 200");
    }
}
