package com.orodc.workflow.trust;

import com.orodc.certs.trust.TrustResult;
import com.orodc.certs.trust.TrustState;

import java.util.List;

/**
 * What {@code --install} or {@code --uninstall} did, store by store.
 *
 * @param problems why the run did not do what was asked although no store failed outright: a store named with
 *                 {@code --store} where nothing was trusted, an entry that could not be removed
 */
public record TrustReport(String sha256, List<TrustResult> results, String note, List<String> problems) {
    public TrustReport {
        results = List.copyOf(results);
        problems = List.copyOf(problems);
    }

    /** One line per store, as the user sees it. */
    public List<String> lines() {
        return results.stream().map(TrustResult::line).toList();
    }

    public boolean anyFailed() {
        return !problems.isEmpty() || results.stream().anyMatch(r -> r.state() == TrustState.FAILED);
    }
}
