package com.orodc.certs.trust;

import com.orodc.certs.CertificateIssuer;
import com.orodc.core.ProgramRun;
import com.orodc.core.wsl.WindowsPrograms;
import com.orodc.core.wsl.WslEnvironment;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * From WSL: the Windows user's own root store (CurrentUser\Root) through {@code certutil.exe -user}, which needs
 * no administrator; Windows asks the user to confirm adding or deleting a root there. Chrome, Edge and Firefox
 * (which reads the Windows roots) on Windows then trust the sites. Entries are named by their SHA-1 thumbprint,
 * the name Windows gives them.
 */
final class WindowsTrustStore implements TrustStore {
    static final String LOCATION = "Windows CurrentUser\\Root";
    static final String CERTUTIL = "certutil.exe";

    private final WslEnvironment wsl;
    private final WindowsPrograms windows;

    WindowsTrustStore(WslEnvironment wsl, WindowsPrograms windows) {
        this.wsl = wsl;
        this.windows = windows;
    }

    @Override
    public TrustStoreKind kind() {
        return TrustStoreKind.WINDOWS;
    }

    private Optional<String> notApplicable() {
        if (!wsl.isWsl2()) {
            return Optional.of("only in WSL 2");
        }
        if (!wsl.interop()) {
            return Optional.of("Windows programs cannot run from this distribution ([interop] enabled=false in /etc/wsl.conf)");
        }
        return Optional.empty();
    }

    @Override
    public List<TrustResult> install(RootCertificate root) {
        Optional<String> why = notApplicable();
        if (why.isPresent()) {
            return List.of(TrustResult.of(kind(), LOCATION, TrustState.SKIPPED, why.get()));
        }
        TrustEntry entry = new TrustEntry(kind().id(), LOCATION, root.thumbprint(), root.sha256());
        WindowsRootStore.Listing before = list();
        if (before.failure() != null) {
            return List.of(TrustResult.of(kind(), LOCATION, TrustState.FAILED, before.failure()));
        }
        if (before.holds(root.thumbprint())) {
            return List.of(TrustResult.of(kind(), LOCATION, TrustState.ALREADY_TRUSTED, "thumbprint " + root.thumbprint()).withEntry(entry));
        }
        Path file = root.origin();
        Path temp = null;
        try {
            if (file == null || !Files.isRegularFile(file)) {
                temp = Files.createTempFile("orodc-root", ".crt");
                Files.writeString(temp, root.pem(), StandardCharsets.US_ASCII);
                file = temp;
            }
            String windowsFile = windows.windowsPath(file);
            ProgramRun r = windows.run(CERTUTIL, List.of("-user", "-addstore", "Root", windowsFile));
            if (WindowsPrograms.cancelled(r)) {
                return List.of(TrustResult.of(kind(), LOCATION, TrustState.FAILED,
                        "the Windows confirmation was cancelled: run again and answer Yes to add the OroDC Local CA"));
            }
            if (!r.ok()) {
                return List.of(TrustResult.of(kind(), LOCATION, TrustState.FAILED,
                        "certutil.exe -user -addstore Root " + windowsFile + " failed: " + r.reason()));
            }
        } catch (IOException e) {
            return List.of(TrustResult.of(kind(), LOCATION, TrustState.FAILED, "cannot write a temporary file: " + e.getMessage()));
        } finally {
            if (temp != null) {
                temp.toFile().delete();
            }
        }
        if (!list().holds(root.thumbprint())) {
            return List.of(TrustResult.of(kind(), LOCATION, TrustState.FAILED,
                    "certutil.exe reported success but the store does not hold thumbprint " + root.thumbprint()));
        }
        return List.of(TrustResult.of(kind(), LOCATION, TrustState.TRUSTED, "thumbprint " + root.thumbprint()).withEntry(entry));
    }

    @Override
    public TrustResult remove(TrustEntry entry) {
        Optional<String> why = notApplicable();
        if (why.isPresent()) {
            return TrustResult.of(kind(), entry.location(), TrustState.SKIPPED, why.get());
        }
        WindowsRootStore.Listing listing = list();
        if (listing.failure() != null) {
            return TrustResult.of(kind(), entry.location(), TrustState.FAILED, listing.failure());
        }
        if (!listing.holds(entry.name())) {
            return TrustResult.of(kind(), entry.location(), TrustState.ALREADY_GONE, "thumbprint " + entry.name()).withEntry(entry);
        }
        ProgramRun r = windows.run(CERTUTIL, List.of("-user", "-delstore", "Root", entry.name()));
        if (WindowsPrograms.cancelled(r)) {
            return TrustResult.of(kind(), entry.location(), TrustState.SKIPPED,
                    "the Windows confirmation was cancelled: run again and answer Yes to delete it");
        }
        if (!r.ok()) {
            return TrustResult.of(kind(), entry.location(), TrustState.FAILED,
                    "certutil.exe -user -delstore Root " + entry.name() + " failed: " + r.reason());
        }
        return TrustResult.of(kind(), entry.location(), TrustState.REMOVED, "thumbprint " + entry.name()).withEntry(entry);
    }

    @Override
    public List<TrustCheck> check(RootCertificate root) {
        Optional<String> why = notApplicable();
        if (why.isPresent()) {
            return List.of(new TrustCheck(kind(), LOCATION, TrustCheck.Answer.UNKNOWN, why.get()));
        }
        WindowsRootStore.Listing listing = list();
        if (listing.failure() != null) {
            return List.of(new TrustCheck(kind(), LOCATION, TrustCheck.Answer.UNKNOWN, listing.failure()));
        }
        List<WindowsRootStore.Entry> older = listing.others(CertificateIssuer.ROOT_COMMON_NAME, root.thumbprint());
        String olderWords = older.isEmpty() ? "" : "; also an older OroDC CA, thumbprint "
                + String.join(", ", older.stream().map(WindowsRootStore.Entry::thumbprint).toList())
                + " (remove it: certutil.exe -user -delstore Root " + older.get(0).thumbprint() + ")";
        if (listing.holds(root.thumbprint())) {
            return List.of(new TrustCheck(kind(), LOCATION, TrustCheck.Answer.TRUSTED, "thumbprint " + root.thumbprint() + olderWords));
        }
        String detail = older.isEmpty() ? "thumbprint " + root.thumbprint() + " is not there"
                : "Windows trusts another OroDC CA (thumbprint " + older.get(0).thumbprint() + "), not this one ("
                + root.thumbprint() + "): run orodc export-proxy-cert --install";
        return List.of(new TrustCheck(kind(), LOCATION, TrustCheck.Answer.NOT_TRUSTED, detail));
    }

    private WindowsRootStore.Listing list() {
        ProgramRun r = windows.run(CERTUTIL, List.of("-user", "-store", "Root"));
        if (!r.ok()) {
            return WindowsRootStore.Listing.failed("certutil.exe -user -store Root failed: " + r.reason());
        }
        return WindowsRootStore.parse(r.out());
    }
}
