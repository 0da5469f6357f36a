package com.orodc.certs.trust;

import com.orodc.core.AtomicFile;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/** The JDK's {@code cacerts} keystore (or the one the override names), through the KeyStore API. */
final class JavaTrustStore implements TrustStore {
    private static final String CACERTS = "lib/security/cacerts";

    private final TrustEnvironment env;

    JavaTrustStore(TrustEnvironment env) {
        this.env = env;
    }

    @Override
    public TrustStoreKind kind() {
        return TrustStoreKind.JAVA;
    }

    /** A keystore and the words saying where its location came from. */
    private record Keystore(Path file, String origin) {
    }

    private Optional<Keystore> keystore() {
        Optional<Path> override = env.path(TrustEnvironment.JAVA_CACERTS);
        if (override.isPresent()) {
            return override.map(p -> new Keystore(p, ""));
        }
        Optional<Path> javaHome = env.path("JAVA_HOME");
        if (javaHome.isPresent()) {
            return javaHome.map(h -> new Keystore(h.resolve(CACERTS), "from JAVA_HOME"));
        }
        // without JAVA_HOME the JVM running orodc is the Java on this machine that we know for sure
        return Optional.ofNullable(System.getProperty("java.home")).filter(h -> !h.isBlank())
                .map(h -> new Keystore(Path.of(h).resolve(CACERTS), "the Java orodc runs on; JAVA_HOME is not set"));
    }

    private char[] password() {
        return env.get(TrustEnvironment.JAVA_PASSWORD).orElse("changeit").toCharArray();
    }

    @Override
    public List<TrustResult> install(RootCertificate root) {
        Optional<Keystore> file = keystore();
        if (file.isEmpty()) {
            return List.of(TrustResult.of(kind(), "", TrustState.SKIPPED, "JAVA_HOME is not set"));
        }
        Path ks = file.get().file();
        String location = ks.toString();
        if (!Files.isRegularFile(ks)) {
            return List.of(TrustResult.of(kind(), location, TrustState.SKIPPED, join("no keystore there", file.get().origin())));
        }
        TrustEntry entry = new TrustEntry(kind().id(), location, root.storeName(), root.sha256());
        KeyStore store;
        try {
            store = load(ks);
        } catch (IOException | GeneralSecurityException e) {
            return List.of(TrustResult.of(kind(), location, TrustState.FAILED, cannotOpen(e)));
        }
        try {
            Optional<String> alias = aliasOf(store, root.sha256());
            if (alias.isPresent()) {
                boolean ours = alias.get().equals(root.storeName());
                return List.of(ours
                        ? TrustResult.of(kind(), location, TrustState.ALREADY_TRUSTED, "").withEntry(entry)
                        : TrustResult.of(kind(), location, TrustState.ALREADY_TRUSTED, "as alias " + alias.get()));
            }
            if (store.containsAlias(root.storeName())) {
                return List.of(TrustResult.of(kind(), location, TrustState.FAILED,
                        "alias " + root.storeName() + " holds another certificate: delete it with keytool -delete"));
            }
            if (!writable(ks)) {
                return List.of(TrustResult.of(kind(), location, TrustState.SKIPPED, "not writable by this user: run with "
                        + "sudo, or point " + TrustEnvironment.JAVA_CACERTS + " at a keystore you own"));
            }
            store.setCertificateEntry(root.storeName(), root.certificate());
            save(store, ks);
        } catch (IOException | GeneralSecurityException e) {
            return List.of(TrustResult.of(kind(), location, TrustState.FAILED, "cannot update it: " + e.getMessage()));
        }
        return List.of(TrustResult.of(kind(), location, TrustState.TRUSTED, root.storeName()).withEntry(entry));
    }

    @Override
    public TrustResult remove(TrustEntry entry) {
        Path ks = Path.of(entry.location());
        if (!Files.isRegularFile(ks)) {
            return TrustResult.of(kind(), entry.location(), TrustState.ALREADY_GONE, "keystore no longer there").withEntry(entry);
        }
        try {
            KeyStore store = load(ks);
            if (!store.containsAlias(entry.name())) {
                return TrustResult.of(kind(), entry.location(), TrustState.ALREADY_GONE, entry.name()).withEntry(entry);
            }
            Certificate present = store.getCertificate(entry.name());
            if (!(present instanceof X509Certificate x509) || !entry.sha256().equals(RootCertificate.fingerprintOf(x509))) {
                return TrustResult.of(kind(), entry.location(), TrustState.LEFT_ALONE,
                        "alias " + entry.name() + " now holds another certificate").withEntry(entry);
            }
            if (!writable(ks)) {
                return TrustResult.of(kind(), entry.location(), TrustState.SKIPPED, "not writable by this user: run with sudo");
            }
            store.deleteEntry(entry.name());
            save(store, ks);
        } catch (IOException | GeneralSecurityException e) {
            return TrustResult.of(kind(), entry.location(), TrustState.FAILED, cannotOpen(e));
        }
        return TrustResult.of(kind(), entry.location(), TrustState.REMOVED, entry.name()).withEntry(entry);
    }

    @Override
    public List<TrustCheck> check(RootCertificate root) {
        Optional<Keystore> file = keystore();
        if (file.isEmpty()) {
            return List.of(new TrustCheck(kind(), "", TrustCheck.Answer.UNKNOWN, "JAVA_HOME is not set"));
        }
        Path ks = file.get().file();
        String origin = file.get().origin();
        if (!Files.isRegularFile(ks)) {
            return List.of(new TrustCheck(kind(), ks.toString(), TrustCheck.Answer.UNKNOWN, join("no keystore there", origin)));
        }
        try {
            Optional<String> alias = aliasOf(load(ks), root.sha256());
            return List.of(alias.map(a -> new TrustCheck(kind(), ks.toString(), TrustCheck.Answer.TRUSTED, join("alias " + a, origin)))
                    .orElseGet(() -> new TrustCheck(kind(), ks.toString(), TrustCheck.Answer.NOT_TRUSTED, origin)));
        } catch (IOException | GeneralSecurityException e) {
            return List.of(new TrustCheck(kind(), ks.toString(), TrustCheck.Answer.UNKNOWN, join(cannotOpen(e), origin)));
        }
    }

    private static String join(String detail, String origin) {
        return origin.isEmpty() ? detail : detail + "; " + origin;
    }

    private KeyStore load(Path ks) throws IOException, GeneralSecurityException {
        // the type (PKCS12 or JKS) is detected from the file and kept when it is written back
        return KeyStore.getInstance(ks.toFile(), password());
    }

    private void save(KeyStore store, Path ks) throws IOException, GeneralSecurityException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        store.store(bytes, password());
        // Debian links cacerts to /etc/ssl/certs/java/cacerts: replace the file, never the link
        AtomicFile.write(ks.toRealPath(), bytes.toByteArray(), null);
    }

    private static boolean writable(Path ks) throws IOException {
        Path real = ks.toRealPath();
        return Files.isWritable(real) && Files.isWritable(real.getParent());
    }

    private static Optional<String> aliasOf(KeyStore store, String sha256) throws GeneralSecurityException {
        for (String alias : Collections.list(store.aliases())) {
            if (store.getCertificate(alias) instanceof X509Certificate x509 && sha256.equals(RootCertificate.fingerprintOf(x509))) {
                return Optional.of(alias);
            }
        }
        return Optional.empty();
    }

    private String cannotOpen(Exception e) {
        String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        if (why.toLowerCase().contains("password")) {
            return "cannot open it: " + why + "; set " + TrustEnvironment.JAVA_PASSWORD;
        }
        return "cannot open it: " + why;
    }
}
