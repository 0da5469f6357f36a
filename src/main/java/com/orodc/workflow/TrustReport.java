package com.orodc.workflow;

import com.orodc.certs.trust.TrustResult;
import com.orodc.certs.trust.TrustState;

import java.util.List;

/** What {@code --install} or {@code --uninstall} did, store by store. */
public record TrustReport(String sha256, List<TrustResult> results, String note) {
    public boolean anyFailed() {
        return results.stream().anyMatch(r -> r.state() == TrustState.FAILED);
    }
}
