package com.orodc.docker.api;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import java.io.EOFException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.StandardProtocolFamily;
import java.net.URI;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * How to open a connection to one endpoint: {@code unix://} (the socket's own permissions are the access
 * control), {@code tcp://} plain, or {@code tcp://} with TLS when {@code DOCKER_TLS_VERIFY=1}, verifying the
 * engine against {@code DOCKER_CERT_PATH/ca.pem} and presenting {@code cert.pem} and {@code key.pem}, as the docker
 * CLI does.
 */
final class EngineTransport {
    static final int CONNECT_TIMEOUT_MILLIS = 5000;

    private final URI endpoint;
    private final SSLContext tls;
    private final int readTimeoutMillis;

    private EngineTransport(URI endpoint, SSLContext tls, int readTimeoutMillis) {
        this.endpoint = endpoint;
        this.tls = tls;
        this.readTimeoutMillis = readTimeoutMillis;
    }

    static EngineTransport of(URI endpoint, Map<String, String> env, int readTimeoutMillis) {
        String scheme = endpoint.getScheme() == null ? "" : endpoint.getScheme().toLowerCase(Locale.ROOT);
        boolean tlsVerify = "1".equals(env.get("DOCKER_TLS_VERIFY"));
        switch (scheme) {
            case "unix" -> {
                return new EngineTransport(endpoint, null, readTimeoutMillis);
            }
            case "tcp", "http", "https" -> {
                SSLContext tls = null;
                if (tlsVerify || scheme.equals("https")) {
                    String dir = env.get("DOCKER_CERT_PATH");
                    Path certs = dir == null || dir.isBlank()
                            ? Path.of(env.getOrDefault("HOME", System.getProperty("user.home")), ".docker") : Path.of(dir);
                    tls = TlsFiles.context(certs);
                }
                return new EngineTransport(endpoint, tls, readTimeoutMillis);
            }
            default -> throw new IllegalArgumentException("orodc cannot open a Docker endpoint " + endpoint
                    + ": use unix:///path/to/docker.sock or tcp://HOST:PORT");
        }
    }

    URI endpoint() {
        return endpoint;
    }

    Link connect() throws IOException {
        if ("unix".equalsIgnoreCase(endpoint.getScheme())) {
            // a blocking unix channel has no read timeout; the callers that need one close the link at their deadline
            SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX);
            try {
                channel.connect(UnixDomainSocketAddress.of(endpoint.getPath()));
            } catch (IOException e) {
                channel.close();
                throw e;
            }
            return Link.of(channel);
        }
        int port = endpoint.getPort() > 0 ? endpoint.getPort() : (tls == null ? 2375 : 2376);
        Socket socket = new Socket();
        try {
            socket.connect(new InetSocketAddress(endpoint.getHost(), port), CONNECT_TIMEOUT_MILLIS);
            socket.setSoTimeout(readTimeoutMillis);
            socket.setTcpNoDelay(true);
            if (tls == null) {
                return Link.of(socket);
            }
            SSLSocket ssl = (SSLSocket) tls.getSocketFactory().createSocket(socket, endpoint.getHost(), port, true);
            SSLParameters parameters = ssl.getSSLParameters();
            // the engine's certificate must name the host we asked for, as with the docker CLI
            parameters.setEndpointIdentificationAlgorithm("HTTPS");
            ssl.setSSLParameters(parameters);
            try {
                ssl.startHandshake();
            } catch (SocketException | EOFException hungUp) {
                throw Link.refused(hungUp);
            }
            return Link.of(ssl);
        } catch (IOException | RuntimeException e) {
            socket.close();
            throw e;
        }
    }
}
