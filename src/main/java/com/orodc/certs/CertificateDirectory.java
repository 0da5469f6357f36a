package com.orodc.certs;

import com.orodc.certs.CertificateChange.Action;
import com.orodc.certs.CertificateChange.Part;
import com.orodc.core.DaysLeft;
import com.orodc.core.ExitCode;
import com.orodc.core.OrodcException;
import com.orodc.core.Reporter;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * Keeps the certificate directory as a {@link CertificateSpec} asks: creates what is missing, re-issues
 * what is due, keeps everything else byte for byte. Everything is read and checked, and every new
 * certificate made, before the first file is written.
 */
public final class CertificateDirectory {
    private static final Duration RENEW_BEFORE = CertificateStatus.RENEW_BEFORE;
    private static final String ROTATE = "rotate the CA (--rotate-ca) and trust the new root";

    private final CertFiles files;
    private final Clock clock;
    private final CertificateIssuer issuer;
    private final Reporter reporter;

    private record Decision(CertificateWithKey value, boolean fresh, CertificateChange change) {
    }

    public CertificateDirectory(CertFiles files, Clock clock, CaOwner owner, Reporter reporter) {
        this(files, clock, () -> owner, reporter);
    }

    /** @param owner asked for only when a CA certificate is issued */
    public CertificateDirectory(CertFiles files, Clock clock, Supplier<CaOwner> owner, Reporter reporter) {
        this.files = files;
        this.clock = clock;
        this.issuer = new CertificateIssuer(clock, owner);
        this.reporter = reporter;
    }

    public CertFiles files() {
        return files;
    }

    public List<CertificateChange> ensure(CertificateSpec spec) {
        // a rotation replaces every file, so nothing present has to be readable or consistent
        StoredCertificates stored = spec.rotateCa() ? StoredCertificates.none(files) : StoredCertificates.read(files);
        checkPairs(stored);
        Decision root = root(stored, spec);
        Decision intermediate = intermediate(stored, spec, root);
        Decision leaf = leaf(stored, spec, intermediate);

        List<CertificateChange> changes = new ArrayList<>(List.of(root.change(), intermediate.change(), leaf.change()));
        StagedFiles staged = new StagedFiles(files.dir());
        boolean rootKeyOnDisk = Files.exists(files.rootKey(), LinkOption.NOFOLLOW_LINKS);
        if (root.fresh()) {
            if (!spec.destroyRootKey()) {
                staged.add(files.rootKey(), Pem.encode(root.value().key()), true);
            }
            staged.add(files.rootCert(), Pem.encode(root.value().certificate()), false);
        }
        if (intermediate.fresh()) {
            staged.add(files.intermediateKey(), Pem.encode(intermediate.value().key()), true);
            staged.add(files.intermediateCert(), Pem.encode(intermediate.value().certificate()), false);
        }
        if (leaf.fresh()) {
            staged.add(files.leafKey(), Pem.encode(leaf.value().key()), true);
            staged.add(files.leafCert(), Pem.encode(leaf.value().certificate()), false);
        }
        String chain = Pem.encode(leaf.value().certificate()) + Pem.encode(intermediate.value().certificate());
        if (!stored.chain().equals(Optional.of(chain))) {
            staged.add(files.chain(), chain, false);
            changes.add(new CertificateChange(Part.CHAIN, Action.WRITTEN, stored.chain().isEmpty() || leaf.fresh()
                    ? "leaf + intermediate" : "it did not hold the current leaf + intermediate"));
        }
        rootKeyChange(spec, root, rootKeyOnDisk).ifPresent(changes::add);

        staged.commit();
        if (spec.destroyRootKey() && rootKeyOnDisk) {
            delete(files.rootKey());
        }
        tightenModes();
        changes.forEach(c -> reporter.info(c.describe()));
        return List.copyOf(changes);
    }

    private void checkPairs(StoredCertificates s) {
        if (s.rootKey().isPresent()) {
            if (s.root().isEmpty()) {
                throw certificateError(files.rootKey() + " is there without " + files.rootCert().getFileName()
                        + "; restore that certificate, or " + ROTATE);
            }
            if (!KeyMatch.matches(s.root().get(), s.rootKey().get())) {
                throw certificateError(files.rootKey() + " does not belong to " + files.rootCert().getFileName()
                        + "; restore the matching key, or " + ROTATE);
            }
        }
        if (s.intermediate().isPresent() != s.intermediateKey().isPresent()) {
            Path present = s.intermediate().isPresent() ? files.intermediateCert() : files.intermediateKey();
            Path missing = s.intermediate().isPresent() ? files.intermediateKey() : files.intermediateCert();
            throw certificateError(present + " is there without " + missing.getFileName() + "; restore it, or " + ROTATE);
        }
        if (s.intermediate().isPresent() && !KeyMatch.matches(s.intermediate().get(), s.intermediateKey().get())) {
            throw certificateError(files.intermediateKey() + " does not belong to " + files.intermediateCert().getFileName()
                    + "; restore the matching key, or " + ROTATE);
        }
        // a leaf key that is not the one we issued with may be the user's own: never replace it unasked
        String newPair = " to have a new pair issued";
        if (s.leafKey().isPresent() && s.leaf().isEmpty()) {
            throw certificateError(files.leafKey() + " is there without " + files.leafCert().getFileName() + "; restore "
                    + files.leafCert().getFileName() + ", or delete " + files.leafKey().getFileName() + newPair);
        }
        if (s.leafKey().isPresent() && !KeyMatch.matches(s.leaf().get(), s.leafKey().get())) {
            throw certificateError(files.leafKey() + " does not belong to " + files.leafCert().getFileName()
                    + "; restore the key that does, or delete " + files.leafCert().getFileName() + " and "
                    + files.leafKey().getFileName() + newPair);
        }
    }

    private Decision root(StoredCertificates stored, CertificateSpec spec) {
        Instant now = clock.instant();
        if (spec.adopt().isPresent()) {
            ExistingCa ca = spec.adopt().get();
            ca.checkValidAt(now);
            if (stored.root().isPresent()) {
                X509Certificate current = stored.root().get();
                if (Arrays.equals(encoded(current), encoded(ca.certificate()))) {
                    CertificateWithKey value = new CertificateWithKey(current, stored.rootKey().orElse(ca.key()));
                    return kept(Part.ROOT, value, "already adopted from " + ca.origin());
                }
                throw certificateError(files.rootCert() + " holds another root CA (SHA-256 " + Fingerprint.sha256(current)
                        + "); add --rotate-ca to replace it with the one from " + ca.origin());
            }
            return fresh(Part.ROOT, Action.ADOPTED, new CertificateWithKey(ca.certificate(), ca.key()),
                    "from " + ca.origin() + ", SHA-256 " + Fingerprint.sha256(ca.certificate()));
        }
        if (spec.rotateCa()) {
            return fresh(Part.ROOT, Action.CREATED, issuer.root(spec.keyTypeReplacing(Optional.empty())),
                    "rotation asked for; trust the new root");
        }
        if (stored.root().isEmpty()) {
            String why = stored.isEmpty() ? "none existed" : files.rootCert().getFileName() + " was missing; trust the new root";
            return fresh(Part.ROOT, Action.CREATED, issuer.root(spec.keyTypeReplacing(Optional.empty())), why);
        }
        X509Certificate root = stored.root().get();
        if (notAfter(root).isBefore(now)) {
            throw certificateError(files.rootCert() + " expired on " + day(notAfter(root)) + "; " + ROTATE);
        }
        if (expiresWithin(root, RENEW_BEFORE)) {
            reporter.warn("the root CA expires on " + day(notAfter(root)) + "; " + ROTATE + " before then");
        }
        return kept(Part.ROOT, new CertificateWithKey(root, stored.rootKey().orElse(null)), "valid until " + day(notAfter(root)));
    }

    private Decision intermediate(StoredCertificates stored, CertificateSpec spec, Decision root) {
        String reason;
        X509Certificate rootCert = root.value().certificate();
        if (!Files.exists(files.intermediateCert()) && !Files.exists(files.intermediateKey())) {
            reason = "none existed";
        } else if (root.fresh()) {
            reason = "the root CA is new";
        } else if (stored.intermediate().isEmpty()) {
            reason = files.intermediateCert().getFileName() + " was missing";
        } else {
            X509Certificate current = stored.intermediate().get();
            if (!KeyMatch.signedBy(current, rootCert)) {
                throw certificateError(files.intermediateCert() + " was not issued by " + files.rootCert().getFileName()
                        + "; restore the matching pair, or " + ROTATE);
            }
            if (!IntermediateConstraints.matches(current, spec.domain())) {
                reason = "its name constraints do not cover " + spec.domain();
            } else if (expiresWithin(current, RENEW_BEFORE) && !expiresWithin(rootCert, RENEW_BEFORE)) {
                reason = "it expires on " + day(notAfter(current));
            } else {
                return kept(Part.INTERMEDIATE, new CertificateWithKey(current, stored.intermediateKey().orElseThrow()),
                        "valid until " + day(notAfter(current)) + ", constrained to " + spec.domain());
            }
        }
        if (root.value().key() == null) {
            throw certificateError("a new intermediate CA is needed (" + reason + ") but the root CA key was destroyed; "
                    + ROTATE);
        }
        Action action = Files.exists(files.intermediateCert()) ? Action.REISSUED : Action.CREATED;
        return fresh(Part.INTERMEDIATE, action, issuer.intermediate(root.value(),
                spec.keyTypeReplacing(stored.intermediate()), spec.domain()), reason);
    }

    private Decision leaf(StoredCertificates stored, CertificateSpec spec, Decision intermediate) {
        String reason = leafReissueReason(stored, spec, intermediate);
        if (reason == null) {
            X509Certificate leaf = stored.leaf().orElseThrow();
            return kept(Part.LEAF, new CertificateWithKey(leaf, stored.leafKey().orElseThrow()),
                    "valid until " + day(notAfter(leaf)) + " (" + daysLeft(leaf) + ")");
        }
        Action action = Files.exists(files.leafCert()) ? Action.REISSUED : Action.CREATED;
        return fresh(Part.LEAF, action, issuer.leaf(intermediate.value(),
                spec.keyTypeReplacing(stored.leaf()), spec.names()), reason);
    }

    /** Why the leaf must be issued anew, or null when it can stay. */
    private String leafReissueReason(StoredCertificates stored, CertificateSpec spec, Decision intermediate) {
        if (!Files.exists(files.leafCert()) && !Files.exists(files.leafKey())) {
            return "none existed";
        }
        if (intermediate.fresh()) {
            return "the intermediate CA is new";
        }
        // checkPairs let through only a leaf with its own key, or a leaf whose key is gone
        X509Certificate leaf = stored.leaf().orElseThrow();
        if (stored.leafKey().isEmpty()) {
            return files.leafKey().getFileName() + " was missing";
        }
        if (!KeyMatch.signedBy(leaf, intermediate.value().certificate())) {
            return "it was not issued by the current intermediate CA";
        }
        if (!spec.names().matches(leaf)) {
            return "names changed (" + nameDifference(LeafNames.namesOf(leaf), spec.names().all()) + ")";
        }
        Optional<KeyType> type = KeyType.of(leaf.getPublicKey());
        KeyType wanted = spec.keyTypeReplacing(stored.leaf());
        if (type.isEmpty() || type.get() != wanted) {
            return "key type changed from " + type.map(KeyType::description).orElse(leaf.getPublicKey().getAlgorithm())
                    + " to " + wanted.description();
        }
        if (expiresWithin(leaf, RENEW_BEFORE) && !expiresWithin(intermediate.value().certificate(), RENEW_BEFORE)) {
            return DaysLeft.expired(clock.instant(), notAfter(leaf))
                    ? "it expired on " + day(notAfter(leaf)) + " (" + DaysLeft.ago(clock.instant(), notAfter(leaf)) + ")"
                    : "it expires on " + day(notAfter(leaf)) + " (" + daysLeft(leaf) + ")";
        }
        return null;
    }

    private Optional<CertificateChange> rootKeyChange(CertificateSpec spec, Decision root, boolean onDisk) {
        if (spec.destroyRootKey()) {
            if (root.fresh()) {
                return Optional.of(new CertificateChange(Part.ROOT_KEY, Action.DESTROYED,
                        "never written to disk; a new intermediate CA will need --rotate-ca"));
            }
            if (onDisk) {
                return Optional.of(new CertificateChange(Part.ROOT_KEY, Action.DESTROYED,
                        "the intermediate CA exists; a new one will need --rotate-ca"));
            }
            return Optional.empty();
        }
        if (root.fresh() || onDisk) {
            return Optional.of(new CertificateChange(Part.ROOT_KEY, root.fresh() ? Action.WRITTEN : Action.KEPT,
                    "stored in " + files.rootKey() + "; move it offline or destroy it (--destroy-root-key)"));
        }
        return Optional.empty();
    }

    private void tightenModes() {
        for (Path path : List.of(files.dir(), files.rootKey(), files.intermediateKey(), files.leafKey())) {
            try {
                if (Files.exists(path, LinkOption.NOFOLLOW_LINKS) && OwnerOnly.restrict(path)) {
                    reporter.warn("removed group and other permissions from " + path);
                }
            } catch (IOException e) {
                throw FileProblem.cannot("restrict the permissions of", path, e, "make it owner-only (chmod go-rwx)");
            }
        }
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw FileProblem.cannot("delete", file, e, "delete it by hand");
        }
    }

    private static String nameDifference(List<String> before, List<String> after) {
        Set<String> added = new TreeSet<>(after);
        added.removeAll(before);
        Set<String> removed = new TreeSet<>(before);
        removed.removeAll(after);
        List<String> parts = new ArrayList<>();
        if (!added.isEmpty()) {
            parts.add("added " + String.join(", ", added));
        }
        if (!removed.isEmpty()) {
            parts.add("removed " + String.join(", ", removed));
        }
        return String.join("; ", parts);
    }

    private static Decision kept(Part part, CertificateWithKey value, String reason) {
        return new Decision(value, false, new CertificateChange(part, Action.KEPT, reason));
    }

    private static Decision fresh(Part part, Action action, CertificateWithKey value, String reason) {
        return new Decision(value, true, new CertificateChange(part, action, reason));
    }

    private boolean expiresWithin(X509Certificate c, Duration d) {
        return notAfter(c).isBefore(clock.instant().plus(d));
    }

    private String daysLeft(X509Certificate c) {
        return DaysLeft.of(clock.instant(), notAfter(c));
    }

    private static Instant notAfter(X509Certificate c) {
        return c.getNotAfter().toInstant();
    }

    private static LocalDate day(Instant instant) {
        return LocalDate.ofInstant(instant, ZoneOffset.UTC);
    }

    private static byte[] encoded(X509Certificate c) {
        try {
            return c.getEncoded();
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static OrodcException certificateError(String message) {
        return new OrodcException(ExitCode.CERTIFICATE, message);
    }
}
