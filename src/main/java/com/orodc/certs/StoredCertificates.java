package com.orodc.certs;

import com.orodc.core.OrodcException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.Optional;

/** What the certificate directory holds now, parsed. Any file that is present must be readable and valid. */
public record StoredCertificates(
        CertFiles files,
        Optional<X509Certificate> root,
        Optional<PrivateKey> rootKey,
        Optional<X509Certificate> intermediate,
        Optional<PrivateKey> intermediateKey,
        Optional<X509Certificate> leaf,
        Optional<PrivateKey> leafKey,
        Optional<String> chain) {

    private static final String CA_FIX = "restore it from a backup, or rotate the CA (--rotate-ca) and trust the new one";
    private static final String LEAF_FIX = "delete it and a new leaf certificate will be issued";

    public static StoredCertificates read(CertFiles files) {
        checkDirectory(files);
        return new StoredCertificates(files,
                text(files.rootCert()).map(t -> certificate(t, files.rootCert(), CA_FIX)),
                text(files.rootKey()).map(t -> key(t, files.rootKey(), CA_FIX)),
                text(files.intermediateCert()).map(t -> certificate(t, files.intermediateCert(), CA_FIX)),
                text(files.intermediateKey()).map(t -> key(t, files.intermediateKey(), CA_FIX)),
                text(files.leafCert()).map(t -> certificate(t, files.leafCert(), LEAF_FIX)),
                text(files.leafKey()).map(t -> key(t, files.leafKey(), LEAF_FIX)),
                text(files.chain()));
    }

    /** Nothing: what a rotation starts from, whatever the directory holds. */
    static StoredCertificates none(CertFiles files) {
        checkDirectory(files);
        return new StoredCertificates(files, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty());
    }

    private static void checkDirectory(CertFiles files) {
        Path dir = files.dir();
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw OrodcException.io(dir + " is not a directory; move that file away or set ORODC_HOME to another directory", null);
        }
        if (Files.isDirectory(dir) && !(Files.isReadable(dir) && Files.isExecutable(dir))) {
            // otherwise its files would look absent and a whole new CA would be made beside them
            throw OrodcException.io("cannot read " + dir + ": permission denied; make it readable by its owner (chmod 700)", null);
        }
    }

    /** True when the directory holds none of our files. */
    public boolean isEmpty() {
        return root.isEmpty() && rootKey.isEmpty() && intermediate.isEmpty() && intermediateKey.isEmpty()
                && leaf.isEmpty() && leafKey.isEmpty() && chain.isEmpty();
    }

    private static Optional<String> text(Path file) {
        if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            return Optional.empty();
        }
        try {
            // PEM is ASCII; decoding as Latin-1 never fails, so a binary file is reported as corrupt, not as IO
            return Optional.of(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1));
        } catch (IOException e) {
            throw FileProblem.cannot("read", file, e, "fix its permissions or remove it");
        }
    }

    private static X509Certificate certificate(String text, Path file, String fix) {
        try {
            return Pem.certificate(text, file.toString());
        } catch (OrodcException e) {
            throw new OrodcException(e.exitCode(), e.getMessage() + "; " + fix);
        }
    }

    private static PrivateKey key(String text, Path file, String fix) {
        try {
            return Pem.privateKey(text, file.toString());
        } catch (OrodcException e) {
            throw new OrodcException(e.exitCode(), e.getMessage() + "; " + fix);
        }
    }
}
