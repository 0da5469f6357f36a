package com.orodc.workflow.trust;

import com.orodc.certs.trust.RootCertificate;
import com.orodc.certs.trust.RootSource;
import com.orodc.certs.trust.TrustCheck;
import com.orodc.certs.trust.TrustStores;

import java.util.List;

/** {@code export-proxy-cert --status}: where the root is trusted on this machine. Reads only. */
public final class TrustStatusWorkflow {
    private final RootSource roots;
    private final TrustStores stores;

    public TrustStatusWorkflow(RootSource roots, TrustStores stores) {
        this.roots = roots;
        this.stores = stores;
    }

    public record Status(RootCertificate root, List<TrustCheck> checks) {
    }

    public Status run() {
        RootCertificate root = roots.root();
        return new Status(root, stores.where(root));
    }
}
