package com.orodc.certs.trust;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Where the stores are found, from HOME and the overrides. */
class TrustLocationsTest {
    @TempDir
    Path home;

    @Test
    void nssDatabasesAreChromesAndEveryFirefoxProfileWithACert9Db() throws Exception {
        Path chrome = database(home.resolve(".pki/nssdb"));
        Path firefox = database(home.resolve(".mozilla/firefox/abc.default-release"));
        Files.createDirectories(home.resolve(".mozilla/firefox/old.profile-without-db"));
        Path snap = database(home.resolve("snap/firefox/common/.mozilla/firefox/xyz.default"));
        Path flatpak = database(home.resolve(".var/app/org.mozilla.firefox/.mozilla/firefox/f1.default"));

        List<Path> found = NssDatabases.find(new TrustEnvironment(Map.of("HOME", home.toString()), "Linux"));
        assertThat(found).containsExactly(chrome, firefox, snap, flatpak);
    }

    @Test
    void firefoxProfilesUnderTheXdgConfigDirectoryAreFoundThroughProfilesIni() throws Exception {
        Path root = Files.createDirectories(home.resolve(".config/mozilla/firefox"));
        Path relative = database(root.resolve("Profiles/r1.default-release"));
        Path elsewhere = database(home.resolve("work/ff-profile"));
        Path installDefault = database(root.resolve("i1.default-esr"));
        Files.writeString(root.resolve("profiles.ini"), "[General]\nStartWithLastProfile=1\nVersion=2\n\n"
                + "[Profile0]\nName=default-release\nIsRelative=1\nPath=Profiles/r1.default-release\nDefault=1\n\n"
                + "[Profile1]\nName=work\nIsRelative=0\nPath=" + elsewhere + "\n\n"
                + "[Profile2]\nName=gone\nIsRelative=1\nPath=never.created\n");
        Files.writeString(root.resolve("installs.ini"), "[4F96D1932A9F858E]\nDefault=i1.default-esr\nLocked=1\n");

        List<Path> found = NssDatabases.find(new TrustEnvironment(Map.of("HOME", home.toString()), "Linux"));

        assertThat(found).containsExactlyInAnyOrder(relative, elsewhere, installDefault);
    }

    @Test
    void xdgConfigHomeMovesTheFirefoxRootAndMacOsKeepsItsOwn() throws Exception {
        Path xdg = database(home.resolve("xdg/mozilla/firefox/x1.default"));
        Path mac = database(home.resolve("Library/Application Support/Firefox/Profiles/m1.default-release"));

        assertThat(NssDatabases.find(new TrustEnvironment(Map.of("HOME", home.toString(),
                "XDG_CONFIG_HOME", home.resolve("xdg").toString()), "Linux"))).containsExactly(xdg);
        assertThat(NssDatabases.find(new TrustEnvironment(Map.of("HOME", home.toString()), "Mac OS X"))).containsExactly(mac);
    }

    @Test
    void aProfileListedWithoutItsDatabaseIsShownNotHidden() throws Exception {
        Path root = Files.createDirectories(home.resolve(".config/mozilla/firefox"));
        Path fresh = Files.createDirectories(root.resolve("n1.never-started"));
        Files.writeString(root.resolve("profiles.ini"), "[Profile0]\nIsRelative=1\nPath=n1.never-started\n");

        assertThat(new NssTrustStore(new TrustEnvironment(Map.of("HOME", home.toString()), "Linux")).check(null))
                .extracting(TrustCheck::line)
                .containsExactly("nss      " + fresh + ": unknown (no cert9.db in it yet: start Firefox with this profile once)");
    }

    @Test
    void theNssOverrideReplacesDiscovery() throws Exception {
        database(home.resolve(".pki/nssdb"));
        List<Path> found = NssDatabases.find(new TrustEnvironment(
                Map.of("HOME", home.toString(), TrustEnvironment.NSS_DBS, "/a/db:/b/db"), "Linux"));
        assertThat(found).containsExactly(Path.of("/a/db"), Path.of("/b/db"));
    }

    @Test
    void systemLayoutOverridesAndTheirRebuildCommands() {
        SystemLayout debian = SystemLayout.detect(new TrustEnvironment(Map.of(TrustEnvironment.DEBIAN_DIR, "/tmp/anchors",
                TrustEnvironment.SYSTEM_UPDATE, "update-ca-certificates --localcertsdir /tmp/anchors"), "Linux")).orElseThrow();
        assertThat(debian.fileFor("orodc-local-ca-0011")).isEqualTo(Path.of("/tmp/anchors/orodc-local-ca-0011.crt"));
        assertThat(debian.updateOnRemove()).containsExactly("update-ca-certificates", "--localcertsdir", "/tmp/anchors", "--fresh");

        SystemLayout rhel = SystemLayout.detect(new TrustEnvironment(Map.of(TrustEnvironment.RHEL_DIR, "/tmp/pki"), "Linux")).orElseThrow();
        assertThat(rhel.fileFor("x")).isEqualTo(Path.of("/tmp/pki/x.pem"));
        assertThat(rhel.update()).containsExactly("update-ca-trust", "extract");
    }

    @Test
    void noSystemStoreOutsideLinux() {
        assertThat(new SystemTrustStore(new TrustEnvironment(Map.of(), "Mac OS X")).check(null))
                .extracting(TrustCheck::line).containsExactly("system: unknown (only on Linux)");
        assertThat(new KeychainTrustStore(new TrustEnvironment(Map.of(), "Linux")).install(null))
                .extracting(TrustResult::line).containsExactly("keychain: skipped (only on macOS)");
    }

    private static Path database(Path dir) throws Exception {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("cert9.db"), "");
        return dir;
    }
}
