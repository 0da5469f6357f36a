package com.orodc.workflow.trust;

import com.orodc.certs.trust.TrustEntry;
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

/** {@code export-proxy-cert --uninstall}: remove exactly what the record lists, and nothing else. */
public final class TrustUninstallWorkflow {
    private final TrustStores stores;
    private final Path recordFile;
    private final Reporter reporter;

    public TrustUninstallWorkflow(TrustStores stores, Path recordFile, Reporter reporter) {
        this.stores = stores;
        this.recordFile = recordFile;
        this.reporter = reporter;
    }

    public TrustReport run(Set<TrustStoreKind> kinds) {
        TrustRecord record = TrustRecord.load(recordFile);
        List<TrustEntry> chosen = record.entries().stream()
                .filter(e -> kinds.stream().anyMatch(k -> k.id().equals(e.store()))).toList();
        if (chosen.isEmpty()) {
            return new TrustReport("", List.of(), "nothing to remove: " + recordFile + " lists no entry in "
                    + kinds.stream().map(TrustStoreKind::id).toList(), List.of());
        }
        List<TrustResult> results = new ArrayList<>();
        TrustRecord updated = record;
        for (TrustEntry entry : chosen) {
            reporter.debug("removing " + entry.name() + " from " + entry.location());
            TrustResult r = stores.remove(entry);
            results.add(r);
            // once removed, gone or someone else's, the entry is no longer ours to track; failures stay for a retry
            if (r.state() == TrustState.REMOVED || r.state() == TrustState.ALREADY_GONE || r.state() == TrustState.LEFT_ALONE) {
                updated = updated.without(entry);
            }
        }
        if (!updated.equals(record)) {
            updated.save(recordFile);
        }
        // a skipped removal leaves our root trusted: that is not what --uninstall promised
        long kept = results.stream().filter(r -> r.state() == TrustState.SKIPPED).count();
        List<String> problems = kept == 0 ? List.of()
                : List.of(kept + " of the entries could not be removed (see above); they stay in " + recordFile + " for another try");
        return new TrustReport("", results, "", problems);
    }
}
