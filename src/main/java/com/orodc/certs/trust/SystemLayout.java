package com.orodc.certs.trust;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A Linux distribution's system trust store: an anchor directory for local roots and the command that rebuilds
 * the bundles from it.
 *
 * @param updateOnRemove the rebuild after a removal; Debian's plain run keeps the links of a removed file
 */
record SystemLayout(String family, Path anchorDir, String extension, List<String> update, List<String> updateOnRemove) {

    static SystemLayout debian(Path dir, List<String> update) {
        List<String> onRemove = new ArrayList<>(update);
        onRemove.add("--fresh");
        return new SystemLayout("Debian/Ubuntu", dir, ".crt", update, List.copyOf(onRemove));
    }

    static SystemLayout rhel(Path dir, List<String> update) {
        return new SystemLayout("Fedora/RHEL", dir, ".pem", update, update);
    }

    static SystemLayout arch(Path dir, List<String> update) {
        return new SystemLayout("Arch", dir, ".crt", update, update);
    }

    /** The layout of this machine: an override wins; otherwise the first anchor directory that exists. */
    static Optional<SystemLayout> detect(TrustEnvironment env) {
        Optional<List<String>> update = env.command(TrustEnvironment.SYSTEM_UPDATE);
        Optional<Path> debian = env.path(TrustEnvironment.DEBIAN_DIR);
        if (debian.isPresent()) {
            return Optional.of(debian(debian.get(), update.orElse(List.of("update-ca-certificates"))));
        }
        Optional<Path> rhel = env.path(TrustEnvironment.RHEL_DIR);
        if (rhel.isPresent()) {
            return Optional.of(rhel(rhel.get(), update.orElse(List.of("update-ca-trust", "extract"))));
        }
        if (!env.isLinux()) {
            return Optional.empty();
        }
        return known(update).stream().filter(l -> Files.isDirectory(l.anchorDir())).findFirst();
    }

    /** The layout a recorded anchor directory belongs to, so a removal runs the matching rebuild. */
    static SystemLayout forAnchorDir(Path dir, TrustEnvironment env) {
        Optional<SystemLayout> current = detect(env).filter(l -> l.anchorDir().equals(dir));
        if (current.isPresent()) {
            return current.get();
        }
        Optional<List<String>> update = env.command(TrustEnvironment.SYSTEM_UPDATE);
        return known(update).stream().filter(l -> l.anchorDir().equals(dir)).findFirst()
                .orElseGet(() -> debian(dir, update.orElse(List.of("update-ca-certificates"))));
    }

    private static List<SystemLayout> known(Optional<List<String>> update) {
        // RHEL first: Fedora also ships /usr/local/share/ca-certificates without reading it
        return List.of(
                rhel(Path.of("/etc/pki/ca-trust/source/anchors"), update.orElse(List.of("update-ca-trust", "extract"))),
                debian(Path.of("/usr/local/share/ca-certificates"), update.orElse(List.of("update-ca-certificates"))),
                arch(Path.of("/etc/ca-certificates/trust-source/anchors"), update.orElse(List.of("trust", "extract-compat"))));
    }

    Path fileFor(String name) {
        return anchorDir.resolve(name + extension);
    }
}
