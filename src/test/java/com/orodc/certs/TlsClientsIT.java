package com.orodc.certs;

import com.orodc.core.Reporter;
import com.orodc.testing.Shell;
import com.orodc.testing.TlsTestServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Real TLS clients (curl, openssl s_client, the JDK) against a server that serves our leaf and chain. */
class TlsClientsIT {
    static final String BODY = "hello from app.docker.local";

    @TempDir
    Path home;

    CertFiles files;

    @BeforeEach
    void issue() {
        files = new CertFiles(home.resolve("certs"));
        CertificateSpec spec = new CertificateSpec(LeafNames.of("docker.local", List.of()), KeyType.ECDSA_P256,
                false, false, Optional.empty());
        new CertificateDirectory(files, Clock.systemUTC(), TestCertificates.OWNER, Reporter.SILENT).ensure(spec);
    }

    static Shell.Result curl(Path caFile, String host, int port) {
        return Shell.run(List.of("curl", "--silent", "--show-error", "--max-time", "20", "--noproxy", "*",
                "--cacert", caFile.toString(), "--resolve", host + ":" + port + ":127.0.0.1",
                "https://" + host + ":" + port + "/"), null, 60);
    }

    @Test
    void curlTrustsTheChainThroughTheRootOnly() throws Exception {
        Path otherRoot = home.resolve("other-root.pem");
        Files.writeString(otherRoot, Pem.encode(TestCertificates.otherSet("docker.local")[0].certificate()));
        try (TlsTestServer server = TlsTestServer.start(files.leafKey(), files.chain(), BODY)) {
            Shell.Result ok = curl(files.rootCert(), "app.docker.local", server.port());
            assertThat(ok.exitCode()).as(ok.err()).isZero();
            assertThat(ok.out()).isEqualTo(BODY);
            assertThat(curl(files.rootCert(), "docker.local", server.port()).orFail().out()).isEqualTo(BODY);
            assertThat(curl(files.rootCert(), "localhost", server.port()).orFail().out()).isEqualTo(BODY);

            Shell.Result foreign = curl(otherRoot, "app.docker.local", server.port());
            assertThat(foreign.exitCode()).isEqualTo(60);
            assertThat(foreign.err()).contains("SSL certificate problem");

            Shell.Result wrongName = curl(files.rootCert(), "app.example.com", server.port());
            assertThat(wrongName.exitCode()).isNotZero();
        }
    }

    @Test
    void theServerSendsLeafAndIntermediate() {
        try (TlsTestServer server = TlsTestServer.start(files.leafKey(), files.chain(), BODY)) {
            Shell.Result r = Shell.run(List.of("sh", "-c", "openssl s_client -showcerts -connect 127.0.0.1:" + server.port()
                    + " -servername app.docker.local -CAfile " + files.rootCert() + " </dev/null"), null, 60);
            assertThat(r.out().split("-----BEGIN CERTIFICATE-----", -1)).hasSize(3);
            assertThat(r.out()).contains(" 0 s:O = OroDC local development certificate, OU = tester@test-host, CN = docker.local")
                    .contains(" 1 s:O = OroDC local development CA, OU = tester@test-host, CN = OroDC Local Intermediate CA")
                    .contains("Verify return code: 0 (ok)");
        }
    }

    @Test
    void aLeafOutsideTheConstraintsIsRefusedByCurlAndTheJdk() {
        X509Certificate intermediate = TestCertificates.read(files.intermediateCert());
        var evil = TestCertificates.leafSignedBy(new CertificateWithKey(intermediate,
                TestCertificates.readKey(files.intermediateKey())), "evil.example.com");
        try (TlsTestServer server = TlsTestServer.start(evil.key(), List.of(evil.certificate(), intermediate), BODY)) {
            Shell.Result r = curl(files.rootCert(), "evil.example.com", server.port());
            assertThat(r.exitCode()).isEqualTo(60);
            assertThat(r.err()).contains("permitted subtree violation");

            assertThatThrownBy(() -> jdkGet(files.rootCert(), "evil.example.com", server.port()))
                    .isInstanceOf(SSLHandshakeException.class);
        }
    }

    @Test
    void theJdkTrustsTheChainThroughTheRootOnly() throws Exception {
        Path otherRoot = home.resolve("other-root.pem");
        Files.writeString(otherRoot, Pem.encode(TestCertificates.otherSet("docker.local")[0].certificate()));
        try (TlsTestServer server = TlsTestServer.start(files.leafKey(), files.chain(), BODY)) {
            assertThat(jdkGet(files.rootCert(), "app.docker.local", server.port())).endsWith(BODY);
            assertThatThrownBy(() -> jdkGet(otherRoot, "app.docker.local", server.port()))
                    .isInstanceOf(SSLHandshakeException.class);
        }
    }

    /** One HTTPS GET with a fresh SSLContext (a resumed session would skip the certificate checks). */
    static String jdkGet(Path rootPem, String host, int port) throws Exception {
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("root", TestCertificates.read(rootPem));
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, tmf.getTrustManagers(), null);
        try (Socket plain = new Socket(InetAddress.getLoopbackAddress(), port);
             SSLSocket tls = (SSLSocket) context.getSocketFactory().createSocket(plain, host, port, true)) {
            tls.setSoTimeout(20_000);
            SSLParameters params = tls.getSSLParameters();
            params.setEndpointIdentificationAlgorithm("HTTPS");
            params.setServerNames(List.of(new SNIHostName(host)));
            tls.setSSLParameters(params);
            tls.startHandshake();
            OutputStream out = tls.getOutputStream();
            out.write(("GET / HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = tls.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
