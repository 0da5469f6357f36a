package com.orodc.workflow.certs;

import com.orodc.core.AtomicFile;
import com.orodc.core.OrodcException;
import com.orodc.core.OrodcHome;
import com.orodc.core.Reporter;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

import static java.nio.charset.StandardCharsets.UTF_8;

/**
 * What a project's container needs to trust the local CA, in one directory beside the certificates (and never
 * with a key in it), mounted read-only into containers: the root alone, a bundle of this machine's public roots
 * plus ours, and an ini file that points PHP's openssl and curl at the bundle. A directory is mounted, not the
 * files: files are replaced by rename, which a container sees only through a directory mount.
 */
public final class ContainerTrustFiles {
    /** Where the snippet mounts it inside a container. */
    public static final String MOUNT = "/etc/orodc/ca";
    public static final String ROOT = "root-ca.pem";
    public static final String BUNDLE = "ca-bundle.pem";
    public static final String PHP_INI = "orodc-ca.ini";

    /** The public roots of the common distributions and of macOS, first found wins. */
    static final List<Path> SYSTEM_BUNDLES = List.of(
            Path.of("/etc/ssl/certs/ca-certificates.crt"),   // Debian, Ubuntu, Alpine, Arch
            Path.of("/etc/pki/tls/certs/ca-bundle.crt"),     // Fedora, RHEL
            Path.of("/etc/ssl/ca-bundle.pem"),               // openSUSE
            Path.of("/etc/ssl/cert.pem"));                   // macOS, Alpine

    private final Path dir;
    private final List<Path> systemBundles;

    public ContainerTrustFiles(Path dir) {
        this(dir, SYSTEM_BUNDLES);
    }

    ContainerTrustFiles(Path dir, List<Path> systemBundles) {
        this.dir = dir;
        this.systemBundles = systemBundles;
    }

    /** For the certificate directory {@code certDir} of an {@code $ORODC_HOME} ({@link OrodcHome#certs()}). */
    public static ContainerTrustFiles besideCerts(Path certDir) {
        return new ContainerTrustFiles(new OrodcHome(certDir.toAbsolutePath().getParent()).caTrust());
    }

    public Path dir() {
        return dir;
    }

    /** Writes the files for {@code rootCert} where they differ; true when one changed. */
    public boolean refresh(Path rootCert, Reporter reporter) {
        String root;
        try {
            root = Files.readString(rootCert).strip() + "\n";
        } catch (IOException e) {
            throw OrodcException.io("cannot read " + rootCert + ": " + e.getMessage(), e);
        }
        String bundle = systemRoots(reporter);
        // a machine that already trusts our root system-wide has it in its bundle: once is enough
        if (!bundle.contains(root.strip())) {
            bundle = bundle + (bundle.isEmpty() || bundle.endsWith("\n") ? "" : "\n") + "# OroDC Local CA\n" + root;
        }
        String ini = "; written by orodc: PHP's openssl and curl trust the public roots and the OroDC Local CA\n"
                + "openssl.cafile=" + MOUNT + "/" + BUNDLE + "\n"
                + "curl.cainfo=" + MOUNT + "/" + BUNDLE + "\n";
        var readable = PosixFilePermissions.fromString("rw-r--r--");
        boolean changed = AtomicFile.writeIfChanged(dir.resolve(ROOT), root.getBytes(UTF_8), readable);
        changed |= AtomicFile.writeIfChanged(dir.resolve(BUNDLE), bundle.getBytes(UTF_8), readable);
        changed |= AtomicFile.writeIfChanged(dir.resolve(PHP_INI), ini.getBytes(UTF_8), readable);
        if (changed) {
            reporter.debug("Wrote the CA files for containers in " + dir);
        }
        return changed;
    }

    private String systemRoots(Reporter reporter) {
        for (Path candidate : systemBundles) {
            if (Files.isRegularFile(candidate)) {
                try {
                    return Files.readString(candidate);
                } catch (IOException e) {
                    reporter.debug("cannot read " + candidate + ": " + e.getMessage());
                }
            }
        }
        reporter.warn("no bundle of public roots found (" + systemBundles.get(0) + " and others): " + dir.resolve(BUNDLE)
                + " holds only the OroDC Local CA, so containers that use it reach only *.CERT_DOMAIN over HTTPS");
        return "";
    }
}
