package com.orodc.certs.trust;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The NSS databases (cert9.db) of the user: Chrome/Chromium on Linux and every Firefox profile. */
final class NssDatabases {
    static final String DB_FILE = "cert9.db";

    private NssDatabases() {
    }

    /** The databases named by the override, or those found under HOME; only directories holding a cert9.db. */
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
        List<Path> candidates = new ArrayList<>();
        candidates.add(h.resolve(".pki/nssdb"));
        candidates.add(h.resolve("snap/chromium/current/.pki/nssdb"));
        for (String profiles : List.of(".mozilla/firefox", "snap/firefox/common/.mozilla/firefox",
                ".var/app/org.mozilla.firefox/.mozilla/firefox", "Library/Application Support/Firefox/Profiles")) {
            candidates.addAll(children(h.resolve(profiles)));
        }
        return candidates.stream().filter(NssDatabases::holdsDatabase).toList();
    }

    static boolean holdsDatabase(Path dir) {
        return Files.isRegularFile(dir.resolve(DB_FILE));
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
}
