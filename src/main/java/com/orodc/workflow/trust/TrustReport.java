package com.orodc.workflow.trust;

import com.orodc.certs.trust.TrustResult;
import com.orodc.certs.trust.TrustState;

import java.util.List;

/** What {@code --install} or {@code --uninstall} did, store by store. */
public record TrustReport(String sha256, List<TrustResult> results, String note) {
    /** One line per store, as the user sees it. */
    public List<String> lines() {
        return results.stream().map(TrustResult::line).toList();
    }

    public boolean anyFailed() {
        return results.stream().anyMatch(r -> r.state() == TrustState.FAILED);
    }
}
