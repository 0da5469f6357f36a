package com.orodc.workflow.trust;

import com.orodc.certs.trust.RootCertificate;
import com.orodc.certs.trust.RootSource;
import com.orodc.certs.trust.TrustRecord;
import com.orodc.certs.trust.TrustResult;
import com.orodc.certs.trust.TrustState;
import com.orodc.certs.trust.TrustStoreKind;
import com.orodc.certs.trust.TrustStores;
import com.orodc.core.Reporter;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** {@code export-proxy-cert --install}: trust the root in the chosen stores and record what was added. */
public final class TrustInstallWorkflow {
    private final RootSource roots;
    private final TrustStores stores;
    private final Path recordFile;
    private final Reporter reporter;

    public TrustInstallWorkflow(RootSource roots, TrustStores stores, Path recordFile, Reporter reporter) {
        this.roots = roots;
        this.stores = stores;
        this.recordFile = recordFile;
        this.reporter = reporter;
    }

    /** @param explicit whether the user named the stores: then a store where nothing was trusted is a failure */
    public TrustReport run(Set<TrustStoreKind> kinds, boolean explicit) {
        RootCertificate root = roots.root();
        TrustRecord record = TrustRecord.load(recordFile);
        reporter.info("trusting " + root.subject() + " (SHA-256 " + root.sha256() + ")");
        List<TrustResult> results = stores.install(root, kinds);
        TrustRecord updated = record;
        for (TrustResult r : results) {
            // an entry under our own name is ours even when an earlier run (whose record is gone) added it
            if (r.entry() != null) {
                updated = updated.with(r.entry());
            }
        }
        if (!updated.equals(record)) {
            updated.save(recordFile);
        }
        List<String> problems = new ArrayList<>();
        if (explicit) {
            for (TrustStoreKind kind : kinds) {
                boolean done = results.stream().anyMatch(r -> r.kind() == kind
                        && (r.state() == TrustState.TRUSTED || r.state() == TrustState.ALREADY_TRUSTED));
                if (!done) {
                    problems.add("--store " + kind.id() + ": nothing was trusted there (see the line above)");
                }
            }
        }
        return new TrustReport(root.sha256(), results, "", problems);
    }
}
