package com.orodc.workflow.certs;

import com.orodc.certs.CertFiles;
import com.orodc.certs.CertificateChange;
import com.orodc.certs.CertificateStatus;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

/** What a certificates run did (each part with its reason) and the state it left. */
public record CertificatesResult(CertFiles files, List<CertificateChange> changes, CertificateStatus status) {
    public CertificatesResult {
        changes = List.copyOf(changes);
    }

    /** Whether any file was written or deleted; false on a run that found everything in order. */
    public boolean changedFiles() {
        return changes.stream().anyMatch(CertificateChange::changedFiles);
    }

    /** What {@code proxy install-certs} shows: each file, its validity and the root's fingerprint. */
    public List<String> summary() {
        return List.of(
                String.format("Certificates in %s", files.dir()),
                String.format("  root CA       %s  valid until %s", files.rootCert().getFileName(), day(status.rootNotAfter())),
                String.format("                SHA-256 %s", status.rootFingerprint()),
                String.format("  root key      %s", status.rootKeyKept()
                        ? files.rootKey().getFileName() + " (move it offline or run with --destroy-root-key)"
                        : "destroyed (a new intermediate needs --rotate-ca)"),
                String.format("  intermediate  %s  valid until %s", files.intermediateCert().getFileName(),
                        day(status.intermediateNotAfter())),
                String.format("  leaf          %s + %s  %s, valid until %s (%s)", files.leafCert().getFileName(),
                        files.leafKey().getFileName(), status.keyType(), day(status.leafNotAfter()), status.leafLeft()),
                String.format("                %s", String.join(", ", status.leafNames())),
                String.format("  chain         %s", files.chain().getFileName()));
    }

    private static LocalDate day(Instant instant) {
        return LocalDate.ofInstant(instant, ZoneOffset.UTC);
    }
}
