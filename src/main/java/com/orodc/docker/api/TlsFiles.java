package com.orodc.docker.api;

import com.orodc.core.ExitCode;
import com.orodc.core.OrodcException;
import com.orodc.core.pem.PemPrivateKeys;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.util.Collection;

/**
 * The TLS context of {@code DOCKER_TLS_VERIFY=1}: the engine is trusted only when {@code ca.pem} signed it, and
 * this client shows {@code cert.pem} with {@code key.pem}; the JDK's own CA store plays no part.
 */
final class TlsFiles {
    private static final char[] NO_PASSWORD = new char[0];

    private TlsFiles() {
    }

    static SSLContext context(Path dir) {
        Collection<? extends Certificate> cas = certificates(dir.resolve("ca.pem"));
        Collection<? extends Certificate> chain = certificates(dir.resolve("cert.pem"));
        PrivateKey key = key(dir.resolve("key.pem"));
        try {
            KeyStore trust = KeyStore.getInstance("PKCS12");
            trust.load(null, null);
            int i = 0;
            for (Certificate ca : cas) {
                trust.setCertificateEntry("ca" + i++, ca);
            }
            KeyStore identity = KeyStore.getInstance("PKCS12");
            identity.load(null, null);
            identity.setKeyEntry("client", key, NO_PASSWORD, chain.toArray(Certificate[]::new));
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(trust);
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(identity, NO_PASSWORD);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(kmf.getKeyManagers(), tmf.getTrustManagers(), null);
            return context;
        } catch (GeneralSecurityException | IOException e) {
            throw new OrodcException(ExitCode.CERTIFICATE, "the Docker TLS files in " + dir + " do not go together ("
                    + e.getMessage() + "): key.pem must be the key of cert.pem; regenerate them or fix DOCKER_CERT_PATH", e);
        }
    }

    private static Collection<? extends Certificate> certificates(Path file) {
        byte[] pem = read(file);
        try {
            Collection<? extends Certificate> certs = CertificateFactory.getInstance("X.509").generateCertificates(new ByteArrayInputStream(pem));
            if (certs.isEmpty()) {
                throw new CertificateException("no certificate in it");
            }
            return certs;
        } catch (CertificateException e) {
            throw new OrodcException(ExitCode.CERTIFICATE, file + " is not a PEM certificate (" + e.getMessage()
                    + "): DOCKER_TLS_VERIFY=1 needs ca.pem, cert.pem and key.pem in DOCKER_CERT_PATH", e);
        }
    }

    private static PrivateKey key(Path file) {
        try {
            return PemPrivateKeys.read(new String(read(file), StandardCharsets.ISO_8859_1));
        } catch (PemPrivateKeys.KeyException e) {
            if (e.problem() == PemPrivateKeys.Problem.ENCRYPTED) {
                throw new OrodcException(ExitCode.CERTIFICATE, file + " is encrypted with a passphrase, which orodc cannot ask for:"
                        + " decrypt it with openssl pkey -in key.pem -out key.pem");
            }
            String held = e.problem() == PemPrivateKeys.Problem.NOT_A_KEY ? "it holds " + e.getMessage() : e.getMessage();
            throw new OrodcException(ExitCode.CERTIFICATE, file + " is not a private key orodc can read (" + held
                    + "): use a PEM key in PKCS#8, PKCS#1 RSA or SEC 1 EC form, for example openssl pkcs8 -topk8 -nocrypt -in key.pem");
        }
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new OrodcException(ExitCode.CERTIFICATE, "no " + file + ": DOCKER_TLS_VERIFY=1 needs ca.pem, cert.pem and key.pem"
                    + " in DOCKER_CERT_PATH (default ~/.docker); set DOCKER_CERT_PATH or unset DOCKER_TLS_VERIFY", e);
        } catch (IOException e) {
            throw OrodcException.io("cannot read " + file + ": " + e.getMessage(), e);
        }
    }
}
