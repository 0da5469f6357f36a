package com.orodc.certs.trust;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The NSS databases (cert9.db) of the user: Chrome/Chromium on Linux and every Firefox profile.
 *
 * <p>Firefox keeps its profiles under a profile root that holds {@code profiles.ini} (each {@code [ProfileN]} with
 * {@code Path=}, relative to the root when {@code IsRelative=1}) and {@code installs.ini} (each install's
 * {@code Default=} profile, relative to the root). Since its XDG change, Firefox on Linux uses
 * {@code ~/.mozilla/firefox} only when {@code ~/.mozilla} already exists, and {@code $XDG_CONFIG_HOME/mozilla/firefox}
 * otherwise; snap and Flatpak builds have roots of their own, macOS uses {@code ~/Library/Application Support/Firefox}.
 */
final class NssDatabases {
    static final String DB_FILE = "cert9.db";

    private NssDatabases() {
    }

    /** The Firefox profile roots looked in, for messages: {@code ~/.mozilla/firefox, ...}. */
    static List<String> firefoxRootsShown(TrustEnvironment env) {
        Optional<Path> home = env.home();
        return home.map(h -> firefoxRoots(env, h).stream().map(r -> shown(h, r)).toList()).orElse(List.of());
    }

    /**
     * The databases named by the override, or those found under HOME: Chrome's when it holds a cert9.db, every
     * profile Firefox lists that exists (with or without its database yet), and profile folders holding a cert9.db.
     */
    static List<Path> find(TrustEnvironment env) {
        Optional<List<Path>> listed = env.paths(TrustEnvironment.NSS_DBS);
        if (listed.isPresent()) {
            return listed.get();
        }
        Optional<Path> home = env.home();
        if (home.isEmpty()) {
            return List.of();
        }
        Path h = home.get();
        Set<Path> found = new LinkedHashSet<>();
        for (Path chrome : List.of(h.resolve(".pki/nssdb"), h.resolve("snap/chromium/current/.pki/nssdb"))) {
            if (holdsDatabase(chrome)) {
                found.add(chrome);
            }
        }
        for (Path root : firefoxRoots(env, h)) {
            for (Path profile : FirefoxProfiles.listedIn(root)) {
                if (Files.isDirectory(profile)) {
                    found.add(profile);
                }
            }
            for (Path folder : List.of(root, root.resolve("Profiles"))) {
                children(folder).stream().filter(NssDatabases::holdsDatabase).forEach(found::add);
            }
        }
        return List.copyOf(found);
    }

    static boolean holdsDatabase(Path dir) {
        return Files.isRegularFile(dir.resolve(DB_FILE));
    }

    private static List<Path> firefoxRoots(TrustEnvironment env, Path home) {
        List<Path> roots = new ArrayList<>();
        boolean anyOs = !env.isLinux() && !env.isMacOs();
        if (env.isLinux() || anyOs) {
            Path config = env.path("XDG_CONFIG_HOME").filter(Path::isAbsolute).orElse(home.resolve(".config"));
            roots.add(home.resolve(".mozilla/firefox"));
            roots.add(config.resolve("mozilla/firefox"));
            roots.add(home.resolve("snap/firefox/common/.mozilla/firefox"));
            roots.add(home.resolve(".var/app/org.mozilla.firefox/.mozilla/firefox"));
            // Flatpak sets XDG_CONFIG_HOME to the app's own config folder
            roots.add(home.resolve(".var/app/org.mozilla.firefox/config/mozilla/firefox"));
        }
        if (env.isMacOs() || anyOs) {
            roots.add(home.resolve("Library/Application Support/Firefox"));
        }
        return roots;
    }

    private static String shown(Path home, Path root) {
        return root.startsWith(home) ? "~/" + home.relativize(root) : root.toString();
    }

    private static List<Path> children(Path dir) {
        List<Path> found = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return found;
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir, Files::isDirectory)) {
            entries.forEach(found::add);
        } catch (IOException e) {
            // an unreadable profile folder has no database we could use either
        }
        found.sort(null);
        return found;
    }

    /** The profiles a Firefox profile root lists in its profiles.ini and installs.ini. */
    static final class FirefoxProfiles {
        private FirefoxProfiles() {
        }

        static List<Path> listedIn(Path root) {
            List<Path> profiles = new ArrayList<>();
            for (Section s : sections(root.resolve("profiles.ini"))) {
                if (s.name().startsWith("Profile") && s.path() != null) {
                    profiles.add(s.relative() ? root.resolve(s.path()).normalize() : Path.of(s.path()));
                }
                // Firefox 67+ also records each install's default profile here, as in installs.ini
                if (s.name().startsWith("Install") && s.defaultProfile() != null) {
                    profiles.add(underRoot(root, s.defaultProfile()));
                }
            }
            for (Section s : sections(root.resolve("installs.ini"))) {
                if (s.defaultProfile() != null) {
                    profiles.add(underRoot(root, s.defaultProfile()));
                }
            }
            return profiles;
        }

        private static Path underRoot(Path root, String path) {
            Path p = Path.of(path);
            return p.isAbsolute() ? p : root.resolve(p).normalize();
        }

        private record Section(String name, String path, boolean relative, String defaultProfile) {
        }

        private static boolean relative(String isRelative, String path) {
            return "1".equals(isRelative) || (isRelative == null && path != null && !Path.of(path).isAbsolute());
        }

        private static List<Section> sections(Path ini) {
            List<String> lines;
            try {
                lines = Files.isRegularFile(ini) ? Files.readAllLines(ini, StandardCharsets.UTF_8) : List.of();
            } catch (IOException e) {
                // an unreadable or non-UTF-8 ini lists nothing we could use; the folder scan still runs
                return List.of();
            }
            List<Section> sections = new ArrayList<>();
            String name = null;
            String path = null;
            String isRelative = null;
            String defaultProfile = null;
            for (String raw : lines) {
                String line = raw.strip();
                if (line.startsWith("[") && line.endsWith("]")) {
                    if (name != null) {
                        sections.add(new Section(name, path, relative(isRelative, path), defaultProfile));
                    }
                    name = line.substring(1, line.length() - 1);
                    path = null;
                    isRelative = null;
                    defaultProfile = null;
                    continue;
                }
                int eq = line.indexOf('=');
                if (name == null || eq < 0) {
                    continue;
                }
                String key = line.substring(0, eq).strip();
                String value = line.substring(eq + 1).strip();
                switch (key) {
                    case "Path" -> path = value;
                    case "IsRelative" -> isRelative = value;
                    case "Default" -> defaultProfile = value;
                    default -> { }
                }
            }
            if (name != null) {
                sections.add(new Section(name, path, relative(isRelative, path), defaultProfile));
            }
            return sections;
        }
    }
}
