package com.orodc.docker.api;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLSocket;

/** One open byte stream to the engine: a unix socket channel, a TCP socket or a TLS socket over one. */
final class Link implements Closeable {
    private final Closeable socket;
    private final boolean tls;
    private final InputStream in;
    private final OutputStream out;
    private volatile boolean closed;
    private volatile boolean answered;

    private Link(Closeable socket, InputStream in, OutputStream out) {
        this.socket = socket;
        this.tls = socket instanceof SSLSocket;
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

    /** The engine has sent an answer on this link. */
    void answered() {
        answered = true;
    }

    /**
     * Why a write or read failed. With TLS 1.3 the engine checks our certificate after our side of the handshake
     * is done and then hangs up; its alert is encrypted, so a connection it closes before its first answer is
     * taken for what it almost always is: our certificate refused.
     */
    IOException explain(IOException failure) {
        if (!tls || answered || failure instanceof SSLException
                || !(failure instanceof SocketException || failure instanceof EOFException)) {
            return failure;
        }
        return refused(failure);
    }

    static SSLException refused(IOException failure) {
        return new SSLException("the engine closed the connection in the TLS handshake (" + failure.getMessage()
                + "), which is how it refuses a client certificate", failure);
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
