package com.orodc.certs.trust;

import com.orodc.testing.FakeWsl;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Windows CurrentUser root store from WSL 2, through a stand-in certutil.exe on PATH (nothing of Windows runs
 * here): it records its arguments and keeps the store in a file, answering as certutil documents it.
 */
class WindowsTrustStoreTest {
    @TempDir
    Path dir;
    FakeWsl wsl;
    RootCertificate root;

    @BeforeEach
    void setUp() {
        wsl = new FakeWsl(dir);
        root = RootCertificate.read(TestCa.create(mkdir("ca"), "OroDC Local CA").rootCert());
    }

    private Path mkdir(String name) {
        try {
            return Files.createDirectories(dir.resolve(name));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private TrustStores stores(Map<String, String> extra) {
        Map<String, String> env = new HashMap<>(wsl.environment());
        env.putAll(extra);
        return new TrustStores(new TrustEnvironment(env, "Linux"));
    }

    private String windowsName(Path file) {
        return "\\\\wsl.localhost\\" + FakeWsl.DISTRO + file.toAbsolutePath().toString().replace('/', '\\');
    }

    @Test
    void installAddsTheRootOnceByItsWindowsPathAndUninstallRemovesExactlyThatThumbprint() {
        wsl.storeLines(); // the store starts empty
        TrustStores stores = stores(Map.of());

        List<TrustResult> first = stores.install(root, java.util.EnumSet.of(TrustStoreKind.WINDOWS));
        assertThat(first).singleElement().satisfies(r -> {
            assertThat(r.state()).isEqualTo(TrustState.TRUSTED);
            assertThat(r.line()).isEqualTo("windows  Windows CurrentUser\\Root: trusted (thumbprint " + root.thumbprint() + ")");
            assertThat(r.entry()).isEqualTo(new TrustEntry("windows", "Windows CurrentUser\\Root", root.thumbprint(), root.sha256()));
        });
        assertThat(wsl.calls()).containsExactly(
                "certutil.exe -user -store Root",
                "certutil.exe -user -addstore Root " + windowsName(root.origin()),
                "certutil.exe -user -store Root");
        assertThat(wsl.storeLines()).singleElement().asString().startsWith(root.thumbprint() + "|CN=OroDC Local CA");

        List<TrustResult> second = stores.install(root, java.util.EnumSet.of(TrustStoreKind.WINDOWS));
        assertThat(second).extracting(TrustResult::state).containsExactly(TrustState.ALREADY_TRUSTED);
        assertThat(wsl.calls()).as("the second install only looks").hasSize(4).last().isEqualTo("certutil.exe -user -store Root");
        assertThat(wsl.storeLines()).hasSize(1);

        TrustResult removed = stores.remove(first.get(0).entry());
        assertThat(removed.state()).isEqualTo(TrustState.REMOVED);
        assertThat(wsl.calls()).last().isEqualTo("certutil.exe -user -delstore Root " + root.thumbprint());
        assertThat(wsl.storeLines()).isEmpty();
        assertThat(stores.remove(first.get(0).entry()).state()).isEqualTo(TrustState.ALREADY_GONE);
    }

    @Test
    void uninstallLeavesEveryOtherRootOfTheStoreAlone() throws Exception {
        Files.writeString(wsl.certStore, "0123456789abcdef0123456789abcdef01234567|CN=Corporate Proxy Root, O=Example\n");
        TrustStores stores = stores(Map.of());
        TrustResult added = stores.install(root, java.util.EnumSet.of(TrustStoreKind.WINDOWS)).get(0);

        stores.remove(added.entry());

        assertThat(wsl.storeLines()).containsExactly("0123456789abcdef0123456789abcdef01234567|CN=Corporate Proxy Root, O=Example");
    }

    @Test
    void aCancelledConfirmationTrustsNothingAndSaysSo() {
        TrustStores stores = stores(Map.of("STANDIN_ANSWER", "no"));

        List<TrustResult> results = stores.install(root, java.util.EnumSet.of(TrustStoreKind.WINDOWS));

        assertThat(results).singleElement().satisfies(r -> {
            assertThat(r.state()).isEqualTo(TrustState.FAILED);
            assertThat(r.detail()).isEqualTo("the Windows confirmation was cancelled: run again and answer Yes to add the OroDC Local CA");
            assertThat(r.entry()).as("nothing to record").isNull();
        });
        assertThat(wsl.storeLines()).isEmpty();
    }

    @Test
    void statusComparesTheThumbprintAndNamesAnOlderOrodcCa() throws Exception {
        RootCertificate older = RootCertificate.read(TestCa.create(mkdir("old-ca"), "OroDC Local CA").rootCert());
        TrustStores stores = stores(Map.of());
        stores.install(older, java.util.EnumSet.of(TrustStoreKind.WINDOWS));

        List<TrustCheck> checks = stores.where(root).stream().filter(c -> c.kind() == TrustStoreKind.WINDOWS).toList();

        assertThat(checks).singleElement().satisfies(c -> {
            assertThat(c.answer()).isEqualTo(TrustCheck.Answer.NOT_TRUSTED);
            assertThat(c.detail()).isEqualTo("Windows trusts another OroDC CA (thumbprint " + older.thumbprint()
                    + "), not this one (" + root.thumbprint() + "): run orodc export-proxy-cert --install");
        });

        stores.install(root, java.util.EnumSet.of(TrustStoreKind.WINDOWS));
        TrustCheck both = stores.where(root).stream().filter(c -> c.kind() == TrustStoreKind.WINDOWS).findFirst().orElseThrow();
        assertThat(both.answer()).isEqualTo(TrustCheck.Answer.TRUSTED);
        assertThat(both.detail()).isEqualTo("thumbprint " + root.thumbprint() + "; also an older OroDC CA, thumbprint "
                + older.thumbprint() + " (remove it: certutil.exe -user -delstore Root " + older.thumbprint() + ")");
    }

    @Test
    void offWslTheWindowsStoreIsNotThereAndNamedItSaysWhy() {
        wsl.notWsl();
        TrustStores stores = stores(Map.of());

        assertThat(stores.where(root)).noneMatch(c -> c.kind() == TrustStoreKind.WINDOWS);
        assertThat(stores.install(root, java.util.EnumSet.of(TrustStoreKind.WINDOWS)))
                .extracting(TrustResult::line).containsExactly("windows: skipped (only in WSL 2)");
        assertThat(wsl.calls()).as("no Windows program runs off WSL").isEmpty();
    }

    @Test
    void withInteropOffNothingRunsAndTheWayOnIsNamed() {
        wsl.wslConf("[interop]\nenabled = false\n");
        TrustStores stores = stores(Map.of());

        assertThat(stores.install(root, java.util.EnumSet.of(TrustStoreKind.WINDOWS))).singleElement()
                .satisfies(r -> assertThat(r.line()).contains("skipped (Windows programs cannot run from this distribution"));
        assertThat(wsl.calls()).isEmpty();
    }

    @Test
    void theListingOfOlderWindowsWithSpacedHashesIsRead() {
        WindowsRootStore.Listing listing = WindowsRootStore.parse("Root \"Trusted Root Certification Authorities\"\r\n"
                + "================ Certificate 0 ================\r\nSerial Number: 01\r\nSubject: CN=OroDC Local CA, O=OroDC\r\n"
                + "Cert Hash(sha1): ab cd ef 01 23 45 67 89 ab cd ef 01 23 45 67 89 ab cd ef 01\r\n"
                + "CertUtil: -store command completed successfully.\r\n");
        assertThat(listing.holds("ABCDEF0123456789ABCDEF0123456789ABCDEF01")).isTrue();
        assertThat(listing.others("OroDC Local CA", "ffff")).hasSize(1);
    }
}
