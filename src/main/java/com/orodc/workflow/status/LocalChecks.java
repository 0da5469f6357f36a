package com.orodc.workflow.status;

import com.orodc.certs.CertFiles;
import com.orodc.certs.CertificateStatus;
import com.orodc.certs.trust.RootCertificate;
import com.orodc.certs.trust.TrustCheck;
import com.orodc.certs.trust.TrustStores;
import com.orodc.core.ExitCode;
import com.orodc.core.OrodcConfig;
import com.orodc.core.OrodcException;
import com.orodc.core.OrodcHome;
import com.orodc.core.Reporter;
import com.orodc.docker.RunningContainer;
import com.orodc.workflow.dnsservice.DnsServicePlatform;
import com.orodc.workflow.dnsservice.DnsServiceReport;
import com.orodc.workflow.dnsservice.DnsServiceRequest;
import com.orodc.workflow.dnsservice.DnsServiceStatus;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/** proxy-status checks of this machine: certificate files, where the root is trusted, the hosts sync. */
final class LocalChecks {
    private final OrodcConfig config;
    private final OrodcHome home;
    private final Map<String, String> environment;
    private final Clock clock;
    private final CertFiles files;

    LocalChecks(OrodcConfig config, OrodcHome home, Map<String, String> environment, Clock clock) {
        this.config = config;
        this.home = home;
        this.environment = environment;
        this.clock = clock;
        this.files = new CertFiles(home.certs());
    }

    Optional<X509Certificate> rootCertificate() {
        if (!Files.isRegularFile(files.rootCert())) {
            return Optional.empty();
        }
        try (InputStream in = Files.newInputStream(files.rootCert())) {
            return Optional.of((X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in));
        } catch (IOException | CertificateException e) {
            return Optional.empty();
        }
    }

    List<StatusCheck> certificates() {
        List<StatusCheck> checks = new ArrayList<>();
        Optional<CertificateStatus> read;
        try {
            read = CertificateStatus.read(files, clock);
        } catch (OrodcException e) {
            checks.add(StatusCheck.fail("certificates", "Certificates", e.getMessage(), "repair or re-create: orodc proxy install-certs"));
            return checks;
        }
        if (read.isEmpty()) {
            checks.add(StatusCheck.fail("certificates", "Certificates", "no complete set in " + files.dir(), "create them: orodc proxy install-certs"));
            return checks;
        }
        CertificateStatus s = read.get();
        checks.add(StatusCheck.ok("root-ca", "Root CA", s.rootSubject() + ", SHA-256 " + s.rootFingerprint() + ", "
                + s.rootLeft() + ", root key " + (s.rootKeyKept() ? "kept in " + files.rootKey() : "destroyed")));
        String leaf = s.keyType() + " for " + String.join(", ", s.leafNames()) + ", " + s.leafLeft();
        boolean covers = s.leafNames().contains("*." + config.certDomain());
        if (!covers) {
            checks.add(StatusCheck.fail("leaf", "Leaf certificate", leaf + " (does not cover *." + config.certDomain() + ")",
                    "re-issue: orodc install-proxy"));
        } else if (s.leafExpired()) {
            checks.add(StatusCheck.fail("leaf", "Leaf certificate", leaf, "renew: orodc proxy install-certs, then orodc proxy restart"));
        } else if (s.leafNeedsRenewal()) {
            checks.add(StatusCheck.fail("leaf", "Leaf certificate", leaf + " (expiring)", "renew: orodc proxy install-certs, then orodc proxy restart"));
        } else {
            checks.add(StatusCheck.ok("leaf", "Leaf certificate", leaf));
        }
        return checks;
    }

    /** Where the root is trusted; not trusted anywhere is a warning, since curl --cacert still works. */
    List<StatusCheck> trust() {
        if (!Files.isRegularFile(files.rootCert())) {
            return List.of();
        }
        List<TrustCheck> where;
        try {
            where = TrustStores.of(environment).where(RootCertificate.read(files.rootCert()));
        } catch (OrodcException e) {
            return List.of(StatusCheck.warn("trust", "Trust", "cannot tell: " + e.getMessage(), null));
        }
        List<String> trusted = where.stream().filter(c -> c.answer() == TrustCheck.Answer.TRUSTED).map(TrustCheck::line).toList();
        List<String> not = where.stream().filter(c -> c.answer() != TrustCheck.Answer.TRUSTED).map(TrustCheck::line).toList();
        if (trusted.isEmpty()) {
            return List.of(StatusCheck.warn("trust", "Trust", "the root is trusted nowhere on this machine" + (not.isEmpty() ? "" : ": " + String.join("; ", not)),
                    "trust it once: orodc export-proxy-cert --install (sudo for the system store)"));
        }
        return List.of(StatusCheck.ok("trust", "Trust", String.join("; ", trusted) + (not.isEmpty() ? "" : "; " + String.join("; ", not))));
    }

    /** The hosts-sync service as proxy-dns-setup --status sees it; not installed is a warning (names can be added by hand). */
    List<StatusCheck> hostsSync(Supplier<List<RunningContainer>> running) {
        DnsServiceReport report;
        try {
            report = new DnsServiceStatus(DnsServiceRequest.ofThisMachine(config, home, environment), Reporter.SILENT)
                    .status(running);
        } catch (OrodcException e) {
            return List.of(StatusCheck.warn("hosts-sync", "Hosts sync", "cannot tell: " + e.getMessage(), "orodc proxy-dns-setup --status"));
        }
        String detail = String.join("; ", report.lines().stream().map(String::strip).toList());
        if (report.exitCode() == ExitCode.OK) {
            return List.of(StatusCheck.ok("hosts-sync", "Hosts sync", detail));
        }
        boolean installed = Files.exists(DnsServicePlatform.current().serviceFile());
        return List.of(installed
                ? StatusCheck.fail("hosts-sync", "Hosts sync", detail, "see orodc proxy-dns-setup --status; restart the service or run orodc proxy-dns-sync --once")
                : StatusCheck.warn("hosts-sync", "Hosts sync", detail, "keep /etc/hosts in sync: sudo orodc proxy-dns-setup --install"));
    }

    /** The service on this machine with the settings proxy-dns-setup uses by default. */
}
