package com.orodc.probe;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.List;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;

/**
 * A real TLS handshake for a name, verified against one root only: the chain, the name and the dates
 * are checked by the JDK exactly as a client trusting only our CA would check them.
 */
public final class TlsProbe {
    public record Result(List<X509Certificate> chain, String protocol) {
        public X509Certificate leaf() {
            return chain.get(0);
        }
    }

    private TlsProbe() {
    }

    public static Result handshake(InetSocketAddress address, String serverName, X509Certificate root, int timeoutMillis)
            throws IOException, GeneralSecurityException {
        KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
        trust.load(null, null);
        trust.setCertificateEntry("root", root);
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        // a fresh context per check: a resumed session would skip the certificate checks
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, tmf.getTrustManagers(), null);
        Socket plain = new Socket();
        plain.connect(address, timeoutMillis);
        try (SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket(plain, serverName, address.getPort(), true)) {
            socket.setSoTimeout(timeoutMillis);
            SSLParameters params = socket.getSSLParameters();
            params.setServerNames(List.of(new SNIHostName(serverName)));
            params.setEndpointIdentificationAlgorithm("HTTPS");
            socket.setSSLParameters(params);
            socket.startHandshake();
            Certificate[] peer = socket.getSession().getPeerCertificates();
            return new Result(Arrays.stream(peer).map(c -> (X509Certificate) c).toList(), socket.getSession().getProtocol());
        }
    }
}
