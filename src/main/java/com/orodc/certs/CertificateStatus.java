package com.orodc.certs;

import com.orodc.core.DaysLeft;

import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The state of the certificate set as a status report shows it. Never holds key material.
 *
 * @param rootKeyKept  whether the root key is still in the directory (it can be moved offline or destroyed)
 * @param leafDaysLeft whole days until the leaf expires; negative once it has
 * @param keyType      the leaf's key type, such as "ECDSA P-256"
 * @param readAt       when the files were read: what the days left count from
 */
public record CertificateStatus(
        String rootSubject,
        String rootFingerprint,
        Instant rootNotAfter,
        boolean rootKeyKept,
        Instant intermediateNotAfter,
        List<String> leafNames,
        Instant leafNotAfter,
        long leafDaysLeft,
        String keyType,
        Instant readAt) {

    /** Renewal starts when a leaf has fewer days left than this. */
    public static final Duration RENEW_BEFORE = Duration.ofDays(30);

    public CertificateStatus {
        leafNames = List.copyOf(leafNames);
    }

    /** The status of the files in {@code files}; empty while the set is incomplete (root, intermediate or leaf missing). */
    public static Optional<CertificateStatus> read(CertFiles files, Clock clock) {
        return of(StoredCertificates.read(files), clock);
    }

    static Optional<CertificateStatus> of(StoredCertificates stored, Clock clock) {
        if (stored.root().isEmpty() || stored.intermediate().isEmpty() || stored.leaf().isEmpty()) {
            return Optional.empty();
        }
        X509Certificate root = stored.root().get();
        X509Certificate leaf = stored.leaf().get();
        Instant leafNotAfter = leaf.getNotAfter().toInstant();
        return Optional.of(new CertificateStatus(
                root.getSubjectX500Principal().getName(),
                Fingerprint.sha256(root),
                root.getNotAfter().toInstant(),
                stored.rootKey().isPresent(),
                stored.intermediate().get().getNotAfter().toInstant(),
                LeafNames.namesOf(leaf),
                leafNotAfter,
                Duration.between(clock.instant(), leafNotAfter).toDays(),
                KeyType.of(leaf.getPublicKey()).map(KeyType::description).orElse(leaf.getPublicKey().getAlgorithm()),
                clock.instant()));
    }

    /** {@code 394 days left} or {@code expired 700 days ago}. */
    public String leafLeft() {
        return DaysLeft.of(readAt, leafNotAfter);
    }

    public boolean leafExpired() {
        return DaysLeft.expired(readAt, leafNotAfter);
    }

    public String rootLeft() {
        return DaysLeft.of(readAt, rootNotAfter);
    }

    public boolean leafNeedsRenewal() {
        return leafDaysLeft < RENEW_BEFORE.toDays();
    }
}
