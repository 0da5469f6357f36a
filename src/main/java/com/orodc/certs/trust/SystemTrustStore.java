package com.orodc.certs.trust;

import com.orodc.core.AtomicFile;
import com.orodc.core.ProgramRun;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** The Linux system store: a PEM file in the anchor directory, then the distribution's rebuild command. */
final class SystemTrustStore implements TrustStore {
    private final Optional<SystemLayout> layout;
    private final TrustEnvironment env;
    private final ExternalProgram programs;

    SystemTrustStore(TrustEnvironment env) {
        this.env = env;
        this.layout = SystemLayout.detect(env);
        this.programs = env.programs();
    }

    @Override
    public TrustStoreKind kind() {
        return TrustStoreKind.SYSTEM;
    }

    private Optional<String> notApplicable() {
        if (layout.isPresent()) {
            return Optional.empty();
        }
        return Optional.of(env.isLinux()
                ? "no system trust store found (looked for the Debian/Ubuntu, Fedora/RHEL and Arch anchor directories)"
                : "only on Linux");
    }

    @Override
    public List<TrustResult> install(RootCertificate root) {
        Optional<String> why = notApplicable();
        if (why.isPresent()) {
            return List.of(TrustResult.of(kind(), "", TrustState.SKIPPED, why.get()));
        }
        SystemLayout l = layout.get();
        Path file = l.fileFor(root.storeName());
        String location = l.anchorDir().toString();
        TrustEntry entry = new TrustEntry(kind().id(), location, file.getFileName().toString(), root.sha256());
        if (Files.exists(file)) {
            if (root.sha256().equals(fingerprintOf(file))) {
                return List.of(TrustResult.of(kind(), location, TrustState.ALREADY_TRUSTED, "").withEntry(entry));
            }
            return List.of(TrustResult.of(kind(), location, TrustState.FAILED,
                    file + " exists and holds another certificate: move it away and run again"));
        }
        Optional<Path> other = findRoot(l.anchorDir(), root.sha256());
        if (other.isPresent()) {
            return List.of(TrustResult.of(kind(), location, TrustState.ALREADY_TRUSTED, "as " + other.get().getFileName()));
        }
        if (!Files.isDirectory(l.anchorDir())) {
            return List.of(TrustResult.of(kind(), location, TrustState.SKIPPED, "the directory does not exist"));
        }
        if (!Files.isWritable(l.anchorDir())) {
            String source = root.origin() == null ? "ROOT.pem" : root.origin().toString();
            return List.of(TrustResult.of(kind(), location, TrustState.SKIPPED, "needs root: run 'sudo cp " + source
                    + " " + file + " && sudo " + String.join(" ", l.update()) + "'"));
        }
        if (!programs.available(l.update().get(0))) {
            return List.of(TrustResult.of(kind(), location, TrustState.FAILED,
                    l.update().get(0) + " not found: install the ca-certificates package"));
        }
        try {
            AtomicFile.write(file, root.pem().getBytes(StandardCharsets.US_ASCII), AtomicFile.WORLD_READABLE);
        } catch (IOException e) {
            return List.of(TrustResult.of(kind(), location, TrustState.FAILED, "cannot write " + file + ": " + e.getMessage()));
        }
        ProgramRun r = programs.run(l.update());
        if (!r.ok()) {
            // leave the store as it was: without the rebuild the file would be trusted only half-way
            deleteQuietly(file);
            return List.of(TrustResult.of(kind(), location, TrustState.FAILED,
                    String.join(" ", l.update()) + " failed: " + r.reason()));
        }
        return List.of(TrustResult.of(kind(), location, TrustState.TRUSTED, file.getFileName().toString()).withEntry(entry));
    }

    @Override
    public TrustResult remove(TrustEntry entry) {
        Path dir = Path.of(entry.location());
        Path file = dir.resolve(entry.name());
        SystemLayout l = SystemLayout.forAnchorDir(dir, env);
        if (!Files.exists(file)) {
            return TrustResult.of(kind(), entry.location(), TrustState.ALREADY_GONE, entry.name()).withEntry(entry);
        }
        if (!entry.sha256().equals(fingerprintOf(file))) {
            return TrustResult.of(kind(), entry.location(), TrustState.LEFT_ALONE,
                    file + " now holds another certificate").withEntry(entry);
        }
        if (!Files.isWritable(dir)) {
            return TrustResult.of(kind(), entry.location(), TrustState.SKIPPED, "needs root: run 'sudo rm " + file
                    + " && sudo " + String.join(" ", l.updateOnRemove()) + "'");
        }
        byte[] saved;
        try {
            saved = Files.readAllBytes(file);
            Files.delete(file);
        } catch (IOException e) {
            return TrustResult.of(kind(), entry.location(), TrustState.FAILED, "cannot remove " + file + ": " + e.getMessage());
        }
        ProgramRun r = programs.run(l.updateOnRemove());
        if (!r.ok()) {
            try {
                AtomicFile.write(file, saved, AtomicFile.WORLD_READABLE);
            } catch (IOException ignored) {
                // reported below; the record keeps the entry so a later run can finish the removal
            }
            return TrustResult.of(kind(), entry.location(), TrustState.FAILED,
                    String.join(" ", l.updateOnRemove()) + " failed: " + r.reason());
        }
        return TrustResult.of(kind(), entry.location(), TrustState.REMOVED, entry.name()).withEntry(entry);
    }

    @Override
    public List<TrustCheck> check(RootCertificate root) {
        Optional<String> why = notApplicable();
        if (why.isPresent()) {
            return List.of(new TrustCheck(kind(), "", TrustCheck.Answer.UNKNOWN, why.get()));
        }
        Path dir = layout.get().anchorDir();
        return List.of(findRoot(dir, root.sha256())
                .map(f -> new TrustCheck(kind(), dir.toString(), TrustCheck.Answer.TRUSTED, f.getFileName().toString()))
                .orElseGet(() -> new TrustCheck(kind(), dir.toString(), TrustCheck.Answer.NOT_TRUSTED, "")));
    }

    /** Any file of the anchor directory holding the root, under whatever name someone gave it. */
    private static Optional<Path> findRoot(Path dir, String sha256) {
        if (!Files.isDirectory(dir)) {
            return Optional.empty();
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
            for (Path f : files) {
                if (Files.isRegularFile(f) && sha256.equals(fingerprintOf(f))) {
                    return Optional.of(f);
                }
            }
        } catch (IOException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    private static String fingerprintOf(Path file) {
        try {
            if (Files.size(file) > 1_000_000) {
                return null;
            }
            return RootCertificate.fingerprintOf(Files.readAllBytes(file));
        } catch (IOException e) {
            return null;
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // the failure is reported by the caller
        }
    }
}
