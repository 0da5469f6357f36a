package com.orodc.certs.trust;

import com.orodc.certs.CertFiles;
import com.orodc.testing.Shell;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A CA chain made by the openssl CLI, independent of orodc's own generator: a root, an intermediate
 * constrained to docker.local and loopback, and a leaf for {@code app.docker.local}.
 */
public final class TestCa {
    public static final String LEAF_NAME = "app.docker.local";

    private final Path dir;

    private TestCa(Path dir) {
        this.dir = dir;
    }

    public static TestCa create(Path dir, String rootName) {
        TestCa ca = new TestCa(dir);
        ca.make(rootName);
        return ca;
    }

    public Path rootCert() {
        return dir.resolve("root.pem");
    }

    public Path intermediateCert() {
        return dir.resolve("intermediate.pem");
    }

    public Path leafCert() {
        return dir.resolve("leaf.pem");
    }

    public Path leafKey() {
        return dir.resolve("leaf.key");
    }

    public String rootPem() {
        return read(rootCert());
    }

    /** Puts the root where orodc reads it: {@code CertFiles.rootCert()} under {@code orodcHome}. */
    public void installAsOrodcRoot(Path orodcHome) {
        try {
            CertFiles files = new CertFiles(orodcHome.resolve("certs"));
            Files.createDirectories(files.dir());
            Files.copy(rootCert(), files.rootCert());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code AB:CD:...} as openssl prints it. */
    public String opensslSha256() {
        String line = Shell.run("openssl", "x509", "-in", rootCert().toString(), "-noout", "-fingerprint", "-sha256").orFail().out();
        return line.substring(line.indexOf('=') + 1).strip();
    }

    private void make(String rootName) {
        try {
            Files.createDirectories(dir);
            Files.writeString(dir.resolve("intermediate.ext"), String.join("\n",
                    "basicConstraints=critical,CA:TRUE,pathlen:0",
                    "keyUsage=critical,keyCertSign,cRLSign",
                    "nameConstraints=critical,permitted;DNS:docker.local,permitted;DNS:localhost,"
                            + "permitted;IP:127.0.0.0/255.0.0.0,permitted;IP:::1/ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff",
                    "subjectKeyIdentifier=hash",
                    "authorityKeyIdentifier=keyid:always", ""));
            Files.writeString(dir.resolve("leaf.ext"), String.join("\n",
                    "basicConstraints=critical,CA:FALSE",
                    "keyUsage=critical,digitalSignature",
                    "extendedKeyUsage=serverAuth",
                    "subjectAltName=DNS:" + LEAF_NAME,
                    "authorityKeyIdentifier=keyid:always", ""));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        openssl("req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes",
                "-keyout", "root.key", "-out", "root.pem", "-days", "3650", "-subj", "/CN=" + rootName,
                "-addext", "basicConstraints=critical,CA:TRUE", "-addext", "keyUsage=critical,keyCertSign,cRLSign");
        openssl("req", "-new", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes",
                "-keyout", "intermediate.key", "-out", "intermediate.csr", "-subj", "/CN=" + rootName + " Intermediate");
        openssl("x509", "-req", "-in", "intermediate.csr", "-CA", "root.pem", "-CAkey", "root.key", "-set_serial", "2",
                "-days", "3650", "-extfile", "intermediate.ext", "-out", "intermediate.pem");
        openssl("req", "-new", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes",
                "-keyout", "leaf.key", "-out", "leaf.csr", "-subj", "/CN=" + LEAF_NAME);
        openssl("x509", "-req", "-in", "leaf.csr", "-CA", "intermediate.pem", "-CAkey", "intermediate.key", "-set_serial", "3",
                "-days", "30", "-extfile", "leaf.ext", "-out", "leaf.pem");
    }

    private void openssl(String... args) {
        List<String> cmd = new ArrayList<>(List.of("openssl"));
        cmd.addAll(List.of(args));
        Shell.run(cmd, dir, 60).orFail();
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
