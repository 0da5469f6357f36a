package com.orodc.certs.trust;

import com.orodc.core.ProgramRun;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The macOS System keychain through {@code security}, as an administrator-trusted root for every user. */
final class KeychainTrustStore implements TrustStore {
    static final String KEYCHAIN = "/Library/Keychains/System.keychain";

    private final TrustEnvironment env;
    private final ExternalProgram programs;

    KeychainTrustStore(TrustEnvironment env) {
        this.env = env;
        this.programs = env.programs();
    }

    @Override
    public TrustStoreKind kind() {
        return TrustStoreKind.KEYCHAIN;
    }

    @Override
    public List<TrustResult> install(RootCertificate root) {
        if (!env.isMacOs()) {
            return List.of(TrustResult.of(kind(), "", TrustState.SKIPPED, "only on macOS"));
        }
        TrustEntry entry = new TrustEntry(kind().id(), KEYCHAIN, root.storeName(), root.sha256());
        if (holds(root.sha256())) {
            return List.of(TrustResult.of(kind(), KEYCHAIN, TrustState.ALREADY_TRUSTED, ""));
        }
        String source = root.origin() == null ? "ROOT.pem" : root.origin().toString();
        if (!env.isRoot()) {
            return List.of(TrustResult.of(kind(), KEYCHAIN, TrustState.SKIPPED, "needs an administrator: run 'sudo security "
                    + "add-trusted-cert -d -r trustRoot -k " + KEYCHAIN + " " + source + "'"));
        }
        Path pem = null;
        try {
            pem = Files.createTempFile("orodc-root", ".pem");
            Files.writeString(pem, root.pem(), StandardCharsets.US_ASCII);
            ProgramRun r = programs.run(List.of("security", "add-trusted-cert", "-d", "-r", "trustRoot",
                    "-k", KEYCHAIN, pem.toString()));
            if (!r.ok()) {
                return List.of(TrustResult.of(kind(), KEYCHAIN, TrustState.FAILED, "security add-trusted-cert failed: " + r.reason()));
            }
        } catch (IOException e) {
            return List.of(TrustResult.of(kind(), KEYCHAIN, TrustState.FAILED, "cannot write a temporary file: " + e.getMessage()));
        } finally {
            if (pem != null) {
                pem.toFile().delete();
            }
        }
        return List.of(TrustResult.of(kind(), KEYCHAIN, TrustState.TRUSTED, root.storeName()).withEntry(entry));
    }

    @Override
    public TrustResult remove(TrustEntry entry) {
        if (!env.isMacOs()) {
            return TrustResult.of(kind(), entry.location(), TrustState.SKIPPED, "only on macOS");
        }
        if (!holds(entry.sha256())) {
            return TrustResult.of(kind(), entry.location(), TrustState.ALREADY_GONE, "").withEntry(entry);
        }
        String hash = entry.sha256().replace(":", "");
        if (!env.isRoot()) {
            return TrustResult.of(kind(), entry.location(), TrustState.SKIPPED, "needs an administrator: run 'sudo security "
                    + "delete-certificate -Z " + hash + " -t " + entry.location() + "'");
        }
        // -t also drops the trust settings that add-trusted-cert made
        ProgramRun r = programs.run(List.of("security", "delete-certificate", "-Z", hash, "-t", entry.location()));
        if (!r.ok()) {
            return TrustResult.of(kind(), entry.location(), TrustState.FAILED, "security delete-certificate failed: " + r.reason());
        }
        return TrustResult.of(kind(), entry.location(), TrustState.REMOVED, entry.name()).withEntry(entry);
    }

    @Override
    public List<TrustCheck> check(RootCertificate root) {
        if (!env.isMacOs()) {
            return List.of(new TrustCheck(kind(), "", TrustCheck.Answer.UNKNOWN, "only on macOS"));
        }
        return List.of(new TrustCheck(kind(), KEYCHAIN,
                holds(root.sha256()) ? TrustCheck.Answer.TRUSTED : TrustCheck.Answer.NOT_TRUSTED, ""));
    }

    private boolean holds(String sha256) {
        ProgramRun r = programs.run(List.of("security", "find-certificate", "-a", "-Z", KEYCHAIN));
        return r.ok() && r.out().toUpperCase().contains(sha256.replace(":", ""));
    }
}
