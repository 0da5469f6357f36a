package com.orodc.certs.trust;

import com.orodc.certs.CertFiles;
import com.orodc.core.ExitCode;
import com.orodc.core.OrodcException;

import java.nio.file.Files;

/**
 * Where the root to export or trust comes from. The default reads the state directory and fails when the CA
 * does not exist yet; a source that creates the CA when missing can take its place.
 */
@FunctionalInterface
public interface RootSource {
    RootCertificate root();

    static RootSource fromFiles(CertFiles files) {
        return () -> {
            if (!Files.exists(files.rootCert())) {
                throw new OrodcException(ExitCode.FAILURE, "no local CA yet: run 'orodc proxy install-certs' "
                        + "(or 'orodc install-proxy') to create it, then run this again");
            }
            return RootCertificate.read(files.rootCert());
        };
    }
}
