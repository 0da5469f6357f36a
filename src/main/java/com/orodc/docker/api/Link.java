package com.orodc.docker.api;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;

/** One open byte stream to the engine: a unix socket channel, a TCP socket or a TLS socket over one. */
final class Link implements Closeable {
    private final Closeable socket;
    private final InputStream in;
    private final OutputStream out;
    private volatile boolean closed;

    private Link(Closeable socket, InputStream in, OutputStream out) {
        this.socket = socket;
        this.in = new BufferedInputStream(in, 16 * 1024);
        this.out = new BufferedOutputStream(out, 16 * 1024);
    }

    static Link of(SocketChannel channel) {
        return new Link(channel, Channels.newInputStream(channel), Channels.newOutputStream(channel));
    }

    static Link of(Socket socket) throws IOException {
        return new Link(socket, socket.getInputStream(), socket.getOutputStream());
    }

    InputStream in() {
        return in;
    }

    OutputStream out() {
        return out;
    }

    boolean closed() {
        return closed;
    }

    /** Safe from any thread: a read blocked on the link ends with an exception. */
    @Override
    public void close() {
        closed = true;
        try {
            socket.close();
        } catch (IOException ignored) {
            // nothing more to do with a link we give up on
        }
    }
}
