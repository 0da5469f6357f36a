package com.orodc.image;

import com.orodc.core.Sha256;
import com.orodc.core.OrodcException;
import com.orodc.testing.Shell;
import com.orodc.testing.UpstreamBuilds;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@EnabledOnOs(value = OS.LINUX, disabledReason = "packs its tarballs with GNU tar's --owner/--group, which macOS's bsdtar lacks")
class S6OverlayLayerTest {
    @TempDir
    Path dir;

    @Test
    void theLayerExtractsToExactlyWhatTheTarballsExtractTo() throws IOException {
        Path noarch = tarball("noarch", root -> {
            Path cmd = Files.createDirectories(root.resolve("package/admin/s6-overlay-3.2.1.0/command"));
            Files.writeString(cmd.resolve("init"), "#!/bin/sh\n");
            Files.setPosixFilePermissions(cmd.resolve("init"), PosixFilePermissions.fromString("rwxr-xr-x"));
            Files.createLink(cmd.resolve("stage0"), cmd.resolve("init"));
            Files.writeString(cmd.resolve("secret"), "x");
            Files.setPosixFilePermissions(cmd.resolve("secret"), PosixFilePermissions.fromString("rw-------"));
            Files.setPosixFilePermissions(cmd.getParent(), PosixFilePermissions.fromString("rwxr-x---"));
            Files.createSymbolicLink(root.resolve("package/admin/s6-overlay"), Path.of("s6-overlay-3.2.1.0"));
            // as in the release: /init a script of its own, the commands links into /package
            Files.writeString(root.resolve("init"), "#!/bin/sh -e\n");
            Files.setPosixFilePermissions(root.resolve("init"), PosixFilePermissions.fromString("rwxr-xr-x"));
            Files.createDirectories(root.resolve("command"));
            Files.createSymbolicLink(root.resolve("command/with-contenv"), Path.of("../package/admin/s6-overlay/command/with-contenv"));
            Files.writeString(root.resolve("shared"), "from noarch");
        });
        Path arch = tarball("x86_64", root -> {
            Files.createDirectories(root.resolve("command"));
            Files.createSymbolicLink(root.resolve("command/s6-svscan"), Path.of("../package/admin/s6/command/s6-svscan"));
            Files.writeString(root.resolve("shared"), "from arch, extracted later");
        });

        Path fromLayer = layerExtractsAsTarWould(List.of(noarch, arch));
        assertThat(ImageTree.ofFolder(fromLayer).get("init").type()).isEqualTo('f');
        assertThat(Files.readString(fromLayer.resolve("shared"))).isEqualTo("from arch, extracted later");
    }

    /** Asserts that the layer of {@code tarballs} extracts to what tar makes of them; returns the folder it was extracted to. */
    private Path layerExtractsAsTarWould(List<Path> tarballs) throws IOException {
        TarLayer layer = S6OverlayLayer.of(tarballs, new ArtifactCache(dir.resolve("cache")));
        Path fromTarballs = Files.createDirectories(dir.resolve("from-tarballs"));
        for (Path t : tarballs) {
            Shell.run("tar", "-C", fromTarballs.toString(), "-Jxpf", t.toString()).orFail();
        }
        Path fromLayer = Files.createDirectories(dir.resolve("from-layer"));
        Shell.run("tar", "-C", fromLayer.toString(), "-xpzf", layer.file().toString()).orFail();

        ImageTree expected = ImageTree.ofFolder(fromTarballs);
        ImageTree actual = ImageTree.ofFolder(fromLayer);
        assertThat(actual.nodes().keySet()).containsExactlyElementsOf(expected.nodes().keySet());
        expected.nodes().forEach((path, node) -> assertThat(actual.get(path).signature()).as(path).isEqualTo(node.signature()));
        return fromLayer;
    }

    @Test
    void theRealReleaseTarballsGiveTheTreeTarExtracts() throws IOException {
        UpstreamBuilds.assume();
        List<Path> tarballs = List.of(UpstreamBuilds.s6Overlay("s6-overlay-noarch.tar.xz"), UpstreamBuilds.s6Overlay("s6-overlay-x86_64.tar.xz"));
        Path fromLayer = layerExtractsAsTarWould(tarballs);
        ImageTree actual = ImageTree.ofFolder(fromLayer);
        assertThat(actual.get("init").type()).isEqualTo('f');
        assertThat(actual.get("command/with-contenv").link()).isEqualTo("../package/admin/s6-overlay/command/with-contenv");
        assertThat(Files.readString(fromLayer.resolve("package/admin/s6-overlay/command/with-contenv"))).startsWith("#!/command/execlineb");
        assertThat(actual.get("package/admin/s6-overlay-helpers-0.1.2.0/command/s6-overlay-suexec").mode())
                .as("setuid s6-overlay-suexec").isEqualTo(04755);
    }

    @Test
    void theSameTarballsGiveTheSameLayerBytes() throws IOException {
        Path t = tarball("noarch", root -> Files.writeString(root.resolve("a"), "a"));
        TarLayer one = S6OverlayLayer.of(List.of(t), new ArtifactCache(dir.resolve("one")));
        TarLayer two = S6OverlayLayer.of(List.of(t), new ArtifactCache(dir.resolve("two")));
        assertThat(two.blobDigest()).isEqualTo(one.blobDigest());
        assertThat(two.diffId()).isEqualTo(one.diffId());
        assertThat("sha256:" + Sha256.of(one.file())).isEqualTo(one.blobDigest());
    }

    @Test
    void anEntryUnderAProtectedFolderIsRefused() throws IOException {
        Path t = tarball("bad", root -> {
            Files.createDirectories(root.resolve("bin"));
            Files.writeString(root.resolve("bin/sh"), "not alpine's shell");
        });
        assertThatThrownBy(() -> S6OverlayLayer.of(List.of(t), new ArtifactCache(dir.resolve("cache"))))
                .isInstanceOf(OrodcException.class).hasMessageContaining("under /bin");
    }

    interface Writer {
        void write(Path root) throws IOException;
    }

    private Path tarball(String name, Writer writer) throws IOException {
        Path root = Files.createDirectories(dir.resolve("src-" + name));
        writer.write(root);
        Path t = dir.resolve(name + ".tar.xz");
        Shell.run("tar", "--owner=0", "--group=0", "--numeric-owner", "-C", root.toString(), "-cJf", t.toString(), ".").orFail();
        return t;
    }
}
