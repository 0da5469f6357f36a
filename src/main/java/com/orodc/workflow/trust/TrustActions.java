package com.orodc.workflow.trust;

import com.orodc.certs.CertFiles;
import com.orodc.certs.trust.RootCertificate;
import com.orodc.certs.trust.RootSource;
import com.orodc.certs.trust.TrustCheck;
import com.orodc.certs.trust.TrustRecord;
import com.orodc.certs.trust.TrustStoreKind;
import com.orodc.certs.trust.TrustStores;
import com.orodc.core.OrodcHome;
import com.orodc.core.Reporter;
import com.orodc.workflow.certs.ExportCertRequest;
import com.orodc.workflow.certs.ExportCertResult;
import com.orodc.workflow.certs.ExportCertWorkflow;
import com.orodc.workflow.certs.LocalCaRoot;

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What {@code export-proxy-cert} does with the local CA's root: export it, trust it, remove that trust, or say
 * where it is trusted. Each runs its own workflow; this only wires them to this machine's home and stores.
 */
public final class TrustActions {
    /** The record of what --install added, under $ORODC_HOME/state. */
    public static final String RECORD_FILE = TrustRecord.FILE_NAME;

    /** Where the root is trusted: its fingerprint and one line per store. */
    public record Status(String sha256, List<String> lines) {
        public Status {
            lines = List.copyOf(lines);
        }
    }

    private final RootSource roots;
    private final TrustStores stores;
    private final Path record;
    private final Reporter reporter;

    private TrustActions(RootSource roots, OrodcHome home, Map<String, String> environment, Reporter reporter) {
        this.roots = roots;
        this.stores = TrustStores.of(environment);
        this.record = home.state().resolve(RECORD_FILE);
        this.reporter = reporter;
    }

    /** For export and install: the local CA is created first when this machine has none yet. */
    public static TrustActions creatingRoot(OrodcHome home, String certDomain, Map<String, String> environment, Reporter reporter) {
        return new TrustActions(LocalCaRoot.creatingWhenMissing(home, certDomain, environment, reporter), home, environment, reporter);
    }

    /** For status and uninstall, which only read: no CA is created. */
    public static TrustActions readingRoot(OrodcHome home, Map<String, String> environment, Reporter reporter) {
        return new TrustActions(RootSource.fromFiles(new CertFiles(home.certs())), home, environment, reporter);
    }

    public ExportCertResult export(ExportCertRequest request) {
        return new ExportCertWorkflow(roots, reporter).run(request);
    }

    public Status status() {
        TrustStatusWorkflow.Status s = new TrustStatusWorkflow(roots, stores).run();
        RootCertificate root = s.root();
        return new Status(root.sha256(), s.checks().stream().map(TrustCheck::line).toList());
    }

    /** {@code storeNames} as the user typed them; empty means every store that applies here. */
    public TrustReport install(List<String> storeNames) {
        boolean explicit = storeNames != null && !storeNames.isEmpty();
        return new TrustInstallWorkflow(roots, stores, record, reporter).run(kinds(storeNames), explicit);
    }

    public TrustReport uninstall(List<String> storeNames) {
        return new TrustUninstallWorkflow(stores, record, reporter).run(kinds(storeNames));
    }

    private static Set<TrustStoreKind> kinds(List<String> names) {
        if (names == null || names.isEmpty()) {
            return EnumSet.allOf(TrustStoreKind.class);
        }
        Set<TrustStoreKind> kinds = EnumSet.noneOf(TrustStoreKind.class);
        names.forEach(name -> kinds.add(TrustStoreKind.of(name)));
        return kinds;
    }
}
