package com.orodc.workflow.certs;

import com.orodc.certs.CertFiles;
import com.orodc.certs.trust.RootCertificate;
import com.orodc.certs.trust.RootSource;
import com.orodc.core.OrodcHome;
import com.orodc.core.Reporter;

import java.nio.file.Files;
import java.util.Map;

/** The root to export or trust, creating the local CA first when this machine has none yet. */
public final class LocalCaRoot {
    private LocalCaRoot() {
    }

    public static RootSource creatingWhenMissing(OrodcHome home, String certDomain, Map<String, String> environment, Reporter reporter) {
        CertFiles files = new CertFiles(home.certs());
        return () -> {
            if (!Files.exists(files.rootCert())) {
                new CertificatesWorkflow(environment, reporter).run(CertificatesRequest.of(home.certs(), certDomain));
            }
            return RootCertificate.read(files.rootCert());
        };
    }
}
