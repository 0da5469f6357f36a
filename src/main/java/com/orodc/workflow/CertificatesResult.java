package com.orodc.workflow;

import com.orodc.certs.CertFiles;
import com.orodc.certs.CertificateChange;
import com.orodc.certs.CertificateStatus;

import java.util.List;

/** What a certificates run did (each part with its reason) and the state it left. */
public record CertificatesResult(CertFiles files, List<CertificateChange> changes, CertificateStatus status) {
    public CertificatesResult {
        changes = List.copyOf(changes);
    }

    /** Whether any file was written or deleted; false on a run that found everything in order. */
    public boolean changedFiles() {
        return changes.stream().anyMatch(CertificateChange::changedFiles);
    }
}
