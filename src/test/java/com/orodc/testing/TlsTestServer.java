package com.orodc.testing;

import com.orodc.certs.Pem;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;

/**
 * A real HTTPS server on 127.0.0.1 and a free port, serving a key with its chain (leaf first) the way
 * Traefik serves {@code fullchain.pem}, and answering every request with a known body.
 */
public final class TlsTestServer implements AutoCloseable {
    private static final char[] PASSWORD = "test".toCharArray();

    private final HttpsServer server;
    private final String body;

    private TlsTestServer(HttpsServer server, String body) {
        this.server = server;
        this.body = body;
    }

    /** Serves {@code keyPem} with the certificates in {@code chainPem}. */
    public static TlsTestServer start(Path keyPem, Path chainPem, String body) {
        try {
            PrivateKey key = Pem.privateKey(Files.readString(keyPem), keyPem.toString());
            List<X509Certificate> chain = Pem.certificates(Files.readString(chainPem), chainPem.toString());
            return start(key, chain, body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static TlsTestServer start(PrivateKey key, List<X509Certificate> chain, String body) {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry("server", key, PASSWORD, chain.toArray(X509Certificate[]::new));
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(store, PASSWORD);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(kmf.getKeyManagers(), null, null);

            HttpsServer server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.setHttpsConfigurator(new HttpsConfigurator(context));
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            server.createContext("/", exchange -> {
                exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
                exchange.sendResponseHeaders(200, bytes.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(bytes);
                }
            });
            server.start();
            return new TlsTestServer(server, body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public String body() {
        return body;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
