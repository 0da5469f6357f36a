package com.orodc.certs.trust;

import com.orodc.core.ProgramRun;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** NSS databases through certutil, the way Chrome on Linux and Firefox read them. */
final class NssTrustStore implements TrustStore {
    static final String MISSING_CERTUTIL = "certutil not found: install libnss3-tools (Debian/Ubuntu), "
            + "nss-tools (Fedora/RHEL) or nss (Arch)";

    static final String NO_DATABASE_YET = "no " + NssDatabases.DB_FILE + " in it yet: start Firefox with this profile once";

    private final TrustEnvironment env;
    private final ExternalProgram programs;

    NssTrustStore(TrustEnvironment env) {
        this.env = env;
        this.programs = env.programs();
    }

    @Override
    public TrustStoreKind kind() {
        return TrustStoreKind.NSS;
    }

    @Override
    public List<TrustResult> install(RootCertificate root) {
        List<Path> dbs = NssDatabases.find(env);
        if (dbs.isEmpty()) {
            return List.of(TrustResult.of(kind(), "", TrustState.SKIPPED, nothingFound()));
        }
        if (!programs.available("certutil")) {
            return List.of(TrustResult.of(kind(), "", TrustState.SKIPPED, MISSING_CERTUTIL));
        }
        List<TrustResult> results = new ArrayList<>();
        for (Path db : dbs) {
            results.add(install(root, db));
        }
        return results;
    }

    private TrustResult install(RootCertificate root, Path db) {
        String location = db.toString();
        if (!NssDatabases.holdsDatabase(db)) {
            return TrustResult.of(kind(), location, TrustState.SKIPPED, NO_DATABASE_YET);
        }
        TrustEntry entry = new TrustEntry(kind().id(), location, root.storeName(), root.sha256());
        String present = fingerprintAt(db, root.storeName());
        if (root.sha256().equals(present)) {
            return TrustResult.of(kind(), location, TrustState.ALREADY_TRUSTED, "").withEntry(entry);
        }
        if (present != null) {
            return TrustResult.of(kind(), location, TrustState.FAILED,
                    "nickname " + root.storeName() + " holds another certificate: remove it with certutil -D");
        }
        if (!Files.isWritable(db.resolve(NssDatabases.DB_FILE))) {
            return TrustResult.of(kind(), location, TrustState.SKIPPED, db.resolve(NssDatabases.DB_FILE) + " is not writable");
        }
        Path pem;
        try {
            pem = Files.createTempFile("orodc-root", ".pem");
            Files.writeString(pem, root.pem(), StandardCharsets.US_ASCII);
        } catch (IOException e) {
            return TrustResult.of(kind(), location, TrustState.FAILED, "cannot write a temporary file: " + e.getMessage());
        }
        try {
            // "C,," : a CA trusted to issue server certificates, which is all a browser needs
            ProgramRun r = programs.run(List.of("certutil", "-A", "-d", "sql:" + db, "-t", "C,,",
                    "-n", root.storeName(), "-i", pem.toString()));
            if (!r.ok()) {
                return TrustResult.of(kind(), location, TrustState.FAILED, "certutil -A failed: " + r.reason());
            }
        } finally {
            try {
                Files.deleteIfExists(pem);
            } catch (IOException ignored) {
                // a temp copy of a public certificate is harmless
            }
        }
        return TrustResult.of(kind(), location, TrustState.TRUSTED, root.storeName()).withEntry(entry);
    }

    @Override
    public TrustResult remove(TrustEntry entry) {
        Path db = Path.of(entry.location());
        if (!NssDatabases.holdsDatabase(db)) {
            return TrustResult.of(kind(), entry.location(), TrustState.ALREADY_GONE, "database no longer there").withEntry(entry);
        }
        if (!programs.available("certutil")) {
            return TrustResult.of(kind(), entry.location(), TrustState.SKIPPED, MISSING_CERTUTIL);
        }
        String present = fingerprintAt(db, entry.name());
        if (present == null) {
            return TrustResult.of(kind(), entry.location(), TrustState.ALREADY_GONE, entry.name()).withEntry(entry);
        }
        if (!present.equals(entry.sha256())) {
            return TrustResult.of(kind(), entry.location(), TrustState.LEFT_ALONE,
                    "nickname " + entry.name() + " now holds another certificate").withEntry(entry);
        }
        ProgramRun r = programs.run(List.of("certutil", "-D", "-d", "sql:" + db, "-n", entry.name()));
        if (!r.ok()) {
            return TrustResult.of(kind(), entry.location(), TrustState.FAILED, "certutil -D failed: " + r.reason());
        }
        return TrustResult.of(kind(), entry.location(), TrustState.REMOVED, entry.name()).withEntry(entry);
    }

    @Override
    public List<TrustCheck> check(RootCertificate root) {
        List<Path> dbs = NssDatabases.find(env);
        if (dbs.isEmpty()) {
            return List.of(new TrustCheck(kind(), "", TrustCheck.Answer.UNKNOWN, nothingFound()));
        }
        boolean certutil = programs.available("certutil");
        List<TrustCheck> checks = new ArrayList<>();
        for (Path db : dbs) {
            if (!NssDatabases.holdsDatabase(db)) {
                checks.add(new TrustCheck(kind(), db.toString(), TrustCheck.Answer.UNKNOWN, NO_DATABASE_YET));
            } else if (!certutil) {
                checks.add(new TrustCheck(kind(), db.toString(), TrustCheck.Answer.UNKNOWN, MISSING_CERTUTIL));
            } else {
                boolean trusted = root.sha256().equals(fingerprintAt(db, root.storeName()));
                checks.add(new TrustCheck(kind(), db.toString(),
                        trusted ? TrustCheck.Answer.TRUSTED : TrustCheck.Answer.NOT_TRUSTED, ""));
            }
        }
        return checks;
    }

    private String nothingFound() {
        List<String> roots = NssDatabases.firefoxRootsShown(env);
        if (roots.isEmpty()) {
            return "no NSS database found: HOME is not set, so there is no ~/.pki/nssdb or Firefox profile to look in";
        }
        return "no NSS database found in ~/.pki/nssdb or a Firefox profile under " + String.join(", ", roots);
    }

    /** The fingerprint of the certificate under {@code nickname}, or null when there is none. */
    private String fingerprintAt(Path db, String nickname) {
        ProgramRun r = programs.run(List.of("certutil", "-L", "-d", "sql:" + db, "-n", nickname, "-a"));
        if (!r.ok()) {
            return null;
        }
        return RootCertificate.fingerprintOf(r.out().getBytes(StandardCharsets.US_ASCII));
    }
}
