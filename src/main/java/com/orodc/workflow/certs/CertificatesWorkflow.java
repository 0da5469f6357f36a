package com.orodc.workflow.certs;

import com.orodc.certs.CaOwner;
import com.orodc.certs.CertFiles;
import com.orodc.certs.CertificateChange;
import com.orodc.certs.CertificateDirectory;
import com.orodc.certs.CertificateSpec;
import com.orodc.certs.CertificateStatus;
import com.orodc.certs.ExistingCa;
import com.orodc.certs.KeyType;
import com.orodc.certs.LeafNames;
import com.orodc.core.ExitCode;
import com.orodc.core.HostName;
import com.orodc.core.OrodcException;
import com.orodc.core.UntrustedText;
import com.orodc.core.Reporter;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The local CA and the proxy's certificate: create them, renew the leaf when due, adopt an existing
 * OroDC CA, rotate on request. Idempotent: a run that finds everything in order writes nothing.
 */
public final class CertificatesWorkflow {
    private final Map<String, String> environment;
    private final Clock clock;
    private final Reporter reporter;

    /** @param environment where the owner written into new CA certificates comes from (USER, HOSTNAME) */
    public CertificatesWorkflow(Map<String, String> environment, Clock clock, Reporter reporter) {
        this.environment = environment;
        this.clock = clock;
        this.reporter = reporter;
    }

    public CertificatesWorkflow(Map<String, String> environment, Reporter reporter) {
        this(environment, Clock.systemUTC(), reporter);
    }

    public CertificatesResult run(CertificatesRequest request) {
        if (!HostName.isDomain(request.domain())) {
            throw OrodcException.usage("CERT_DOMAIN=" + UntrustedText.of(request.domain()) + " is not valid: expected "
                    + "a hostname with at least two labels such as docker.local");
        }
        // names and key type first: a usage error must come before any file is looked at
        LeafNames names = LeafNames.of(request.domain(), request.extraNames());
        Optional<KeyType> keyType = request.keyType().map(KeyType::parse);
        Optional<ExistingCa> adopt = request.adoptCaDir().map(ExistingCa::fromDirectory)
                .or(() -> request.adoptCaPem().map(p -> ExistingCa.fromPem(p.certificate(), p.key(), p.origin())));
        CertificateSpec spec = new CertificateSpec(names, keyType, request.rotateCa(), request.destroyRootKey(), adopt);

        CertFiles files = new CertFiles(request.certDir());
        CertificateDirectory directory = new CertificateDirectory(files, clock, () -> CaOwner.current(environment), reporter);
        List<CertificateChange> changes = directory.ensure(spec);
        CertificateStatus status = CertificateStatus.read(files, clock).orElseThrow(() -> new OrodcException(
                ExitCode.CERTIFICATE, "the certificates in " + files.dir() + " are incomplete after writing them; check the disk"));
        // every run, not only when the root changes: the machine's public roots change with its updates
        ContainerTrustFiles.besideCerts(files.dir()).refresh(files.rootCert(), reporter);
        return new CertificatesResult(files, changes, status);
    }

    /** The state of the certificates in {@code certDir}, without changing anything; empty when not (fully) issued. */
    public Optional<CertificateStatus> status(Path certDir) {
        return CertificateStatus.read(new CertFiles(certDir), clock);
    }
}
