package com.orodc.workflow.proxy;

import com.orodc.certs.CertFiles;
import com.orodc.certs.CertificateStatus;
import com.orodc.core.AtomicFile;
import com.orodc.core.ExitCode;
import com.orodc.core.HostName;
import com.orodc.core.OrodcConfig;
import com.orodc.core.OrodcException;
import com.orodc.core.OrodcHome;
import com.orodc.core.Reporter;
import com.orodc.core.Sha256;
import com.orodc.render.RenderedFile;
import com.orodc.render.TraefikConfigRenderer;
import com.orodc.workflow.ProxyLayout;
import com.orodc.workflow.certs.CertificatesRequest;
import com.orodc.workflow.certs.CertificatesResult;
import com.orodc.workflow.certs.CertificatesWorkflow;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Everything the proxy container mounts, made ready under {@code $ORODC_HOME/proxy}: certificates
 * (issued or renewed as needed), the served copies of leaf, chain and key, and the rendered Traefik config.
 */
final class ProxyFiles {
    /** @param mountReplaced a mounted path was an empty directory and is a file now: a container mounting it sees the old directory */
    record Prepared(ProxyLayout layout, Path rootCertificate, String staticConfigDigest, boolean mountReplaced) {
    }

    private final OrodcHome home;
    private final Map<String, String> environment;
    private final Reporter reporter;

    ProxyFiles(OrodcHome home, Map<String, String> environment, Reporter reporter) {
        this.home = home;
        this.environment = environment;
        this.reporter = reporter;
    }

    /** @param adopt an existing OroDC CA to keep, used only when there is no CA yet */
    Prepared prepare(OrodcConfig config, Optional<CertificatesRequest.CaPem> adopt) {
        CertFiles current = new CertFiles(home.certs());
        CertificatesRequest request = CertificatesRequest.of(home.certs(), config.certDomain())
                .withExtraNames(extraNamesIssued(current, config.certDomain()));
        if (adopt.isPresent() && !Files.exists(current.rootCert())) {
            request = request.adoptingCaPem(adopt.get());
        }
        CertificatesResult issued = new CertificatesWorkflow(environment, reporter).run(request);
        CertFiles certs = issued.files();
        ProxyLayout layout = ProxyLayout.of(home);
        serve(certs.leafCert(), layout.servedCerts().resolve("leaf.pem"), "rw-r--r--");
        serve(certs.chain(), layout.servedCerts().resolve("fullchain.pem"), "rw-r--r--");
        serve(certs.leafKey(), layout.servedCerts().resolve("leaf.key"), "rw-------");
        boolean mountReplaced = false;
        for (RenderedFile file : new TraefikConfigRenderer().render(config)) {
            Path target = layout.dir().resolve(file.path());
            mountReplaced |= clearDirectoryLeftByDocker(target);
            if (AtomicFile.writeIfChanged(target, file.content())) {
                reporter.debug("Wrote " + target);
            }
        }
        try {
            Files.createDirectories(layout.dynamicDir());
            return new Prepared(layout, certs.rootCert(), Sha256.of(Files.readAllBytes(layout.staticConfig())), mountReplaced);
        } catch (IOException e) {
            throw OrodcException.io("cannot read " + layout.staticConfig() + ": " + e.getMessage(), e);
        }
    }

    /**
     * Docker creates a missing bind-mount source as an empty directory when it starts a container (after a reboot
     * with {@code unless-stopped}, once the file was deleted), and the file can then never be written there. An
     * empty directory holds nothing to lose: it goes. Anything in it is the user's, and is left for them to move.
     */
    private boolean clearDirectoryLeftByDocker(Path file) {
        if (!Files.isDirectory(file, LinkOption.NOFOLLOW_LINKS)) {
            return false;
        }
        try (Stream<Path> entries = Files.list(file)) {
            if (entries.findAny().isPresent()) {
                throw new OrodcException(ExitCode.IO, file + " is a directory with files in it, where the proxy's "
                        + file.getFileName() + " belongs; move it away, then run install-proxy again");
            }
            Files.delete(file);
            reporter.info("Removed the empty directory at " + file + " (Docker makes one when it starts a container whose"
                    + " mounted file is missing); writing the file in its place");
            return true;
        } catch (IOException e) {
            throw OrodcException.io("cannot remove the empty directory " + file + ": " + e.getMessage(), e);
        }
    }

    /** Names added earlier with install-certs --extra-name stay: install-proxy must not drop them. */
    private static List<String> extraNamesIssued(CertFiles files, String domain) {
        return CertificateStatus.read(files, Clock.systemUTC()).map(CertificateStatus::leafNames).orElse(List.of()).stream()
                .filter(HostName::isValid)
                .filter(n -> !n.equals(domain) && !n.equals("*." + domain) && !n.equals("localhost"))
                .filter(n -> HostName.isUnder(n, domain) || HostName.isUnder(n, "localhost"))
                .toList();
    }

    private static void serve(Path source, Path target, String permissions) {
        try {
            AtomicFile.writeIfChanged(target, Files.readAllBytes(source), PosixFilePermissions.fromString(permissions));
        } catch (IOException e) {
            throw OrodcException.io("cannot read " + source + ": " + e.getMessage(), e);
        }
    }

}
