package com.orodc.image;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.orodc.core.Reporter;
import com.orodc.core.Sha256;
import com.orodc.testing.HostTools;
import com.orodc.testing.LocalImages;
import com.orodc.testing.Shell;
import com.orodc.testing.UpstreamBuilds;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/**
 * The upstream release assets and images, served here without the internet: s6-overlay's release
 * tarballs and the SOCKS5 binary are the from-source builds of {@link UpstreamBuilds}; Traefik, which
 * cannot be had here, is a stand-in in a release-shaped tarball ({@link TraefikStandIn}), and Alpine a
 * busybox image with Alpine's top folders.
 */
final class Upstream {
    static final String TRAEFIK = "3.6.1";
    static final String S6 = UpstreamBuilds.S6_OVERLAY;
    static final String FIXTURES_SCRIPT = ".ci/arm64-fixtures";
    private static final String TRAEFIK_SERVER = "traefik-standin.sh";

    /** What plays the Traefik binary. */
    enum TraefikStandIn {
        /** busybox of each platform: an executable of the right ELF machine that serves nothing */
        ELF,
        /**
         * on amd64 a script that serves ping, HTTP and HTTPS as the image configures Traefik (it needs the
         * TLS tools of {@link #pushBase(RegistryApi, ImageLocation, boolean)}); on arm64 as {@link #ELF}
         */
        SERVER
    }

    final Path work;
    final Map<Platform, Path> s6ArchTarballs = new EnumMap<>(Platform.class);
    Path s6NoarchTarball;
    final Map<String, byte[]> releaseFiles = new LinkedHashMap<>();

    Upstream(Path work) {
        this.work = work;
    }

    static Path busybox(Platform platform) {
        Path p = platform == Platform.AMD64 ? HostTools.busybox()
                : Path.of(System.getenv().getOrDefault("ORODC_TEST_FIXTURES", "/var/cache/orodc-test"), "arm64", "busybox");
        if (!Files.isRegularFile(p)) {
            throw new AssertionError("missing test fixture " + p + ": run " + FIXTURES_SCRIPT
                    + (platform == Platform.AMD64 ? " and install busybox-static (.ci/install-deps test)" : ""));
        }
        return p;
    }

    /** Traefik and s6-overlay release files for both platforms, with published sums. */
    Upstream makeReleases() throws IOException {
        return makeReleases(TraefikStandIn.ELF);
    }

    Upstream makeReleases(TraefikStandIn traefik) throws IOException {
        UpstreamBuilds.assume();
        StringBuilder checksums = new StringBuilder();
        for (Platform p : Platform.values()) {
            Path dir = Files.createDirectories(work.resolve("traefik-" + p.architecture()));
            if (traefik == TraefikStandIn.SERVER && p == Platform.AMD64) {
                try (InputStream script = Upstream.class.getResourceAsStream(TRAEFIK_SERVER)) {
                    Files.write(dir.resolve("traefik"), script.readAllBytes());
                }
            } else {
                Files.copy(busybox(p), dir.resolve("traefik"));
            }
            Files.setPosixFilePermissions(dir.resolve("traefik"), PosixFilePermissions.fromString("rwxr-xr-x"));
            Files.writeString(dir.resolve("LICENSE.md"), "license\n");
            Files.writeString(dir.resolve("CHANGELOG.md"), "changes\n");
            Path tgz = work.resolve(ReleaseAsset.traefik(TRAEFIK, p).fileName());
            Shell.run("tar", "-C", dir.toString(), "-czf", tgz.toString(), "traefik", "LICENSE.md", "CHANGELOG.md").orFail();
            release(ReleaseAsset.traefik(TRAEFIK, p), tgz);
            checksums.append(Sha256.of(tgz)).append("  ").append(tgz.getFileName()).append('\n');
        }
        checksums.append(Sha256.of("other".getBytes())).append("  traefik_v").append(TRAEFIK).append("_windows_amd64.zip\n");
        releaseFiles.put("/" + ReleaseAsset.traefikChecksums(TRAEFIK).path(), checksums.toString().getBytes());

        s6NoarchTarball = UpstreamBuilds.s6Overlay(ReleaseAsset.s6Noarch(S6).fileName());
        release(ReleaseAsset.s6Noarch(S6), s6NoarchTarball);
        for (Platform p : Platform.values()) {
            Path t = UpstreamBuilds.s6Overlay(ReleaseAsset.s6Arch(S6, p).fileName());
            s6ArchTarballs.put(p, t);
            release(ReleaseAsset.s6Arch(S6, p), t);
        }
        releaseFiles.put("/api/repos/traefik/traefik/releases", """
                [{"tag_name":"v3.7.0-rc.1","prerelease":true,"draft":false},
                 {"tag_name":"v3.6.1","prerelease":false,"draft":false},
                 {"tag_name":"v2.11.30","prerelease":false,"draft":false},
                 {"tag_name":"v3.5.4","prerelease":false,"draft":false}]""".getBytes());
        return this;
    }

    void serveOn(ReleaseServer server) {
        releaseFiles.forEach(server::put);
    }

    private void release(ReleaseAsset asset, Path file) throws IOException {
        releaseFiles.put("/" + asset.path(), Files.readAllBytes(file));
        if (asset.project().contains("s6-overlay")) {
            // the build's own sum file: its bytes differ from the published release's
            releaseFiles.put("/" + asset.sha256File().path(),
                    Files.readAllBytes(file.resolveSibling(file.getFileName() + ".sha256")));
        }
    }

    /** A two-platform base: busybox with its applet links, shaped like Alpine's top folders. */
    void pushBase(RegistryApi api, ImageLocation location) throws IOException {
        pushBase(api, location, false);
    }

    /**
     * The same base; with {@code tlsTools} its amd64 image also carries this machine's socat and the
     * libraries it links, for {@link TraefikStandIn#SERVER}.
     */
    void pushBase(RegistryApi api, ImageLocation location, boolean tlsTools) throws IOException {
        String applets = Shell.run(HostTools.busybox().toString(), "--list").orFail().out();
        pushIndex(api, location, p -> {
            Path root = Files.createDirectories(work.resolve("base-" + p.architecture()));
            Path bin = Files.createDirectories(root.resolve("bin"));
            Files.copy(busybox(p), bin.resolve("busybox"));
            Files.setPosixFilePermissions(bin.resolve("busybox"), PosixFilePermissions.fromString("rwxr-xr-x"));
            for (String applet : applets.split("\\s+")) {
                if (!applet.isBlank() && !applet.equals("busybox")) {
                    Files.createSymbolicLink(bin.resolve(applet), Path.of("busybox"));
                }
            }
            Files.createDirectories(root.resolve("etc"));
            Files.writeString(root.resolve("etc/nsswitch.conf"), "hosts: files dns\n");
            Files.writeString(root.resolve("etc/passwd"), "root:x:0:0:root:/root:/bin/sh\nnobody:x:65534:65534:nobody:/:/sbin/nologin\n");
            Files.writeString(root.resolve("etc/group"), "root:x:0:root\nnobody:x:65534:\n");
            if (tlsTools && p == Platform.AMD64) {
                LocalImages.copyWithLibraries(Path.of("/usr/bin/socat"), root);
            }
            Files.createDirectories(root.resolve("lib"));
            Files.createDirectories(root.resolve("run"));
            Files.createDirectories(root.resolve("var"));
            Files.createSymbolicLink(root.resolve("var/run"), Path.of("/run"));
            Files.createDirectories(root.resolve("tmp"));
            Files.setPosixFilePermissions(root.resolve("tmp"), PosixFilePermissions.fromString("rwxrwxrwx"));
            return root;
        }, List.of("/bin/sh"), null, null);
    }

    /** The SOCKS5 image made like the published one: the real {@code /socks5} per platform, run as 65532. */
    void pushSocks5(RegistryApi api, ImageLocation location) throws IOException {
        pushIndex(api, location, p -> {
            Path root = Files.createDirectories(work.resolve("socks5-" + p.architecture()));
            Files.copy(UpstreamBuilds.socks5(p.architecture()), root.resolve("socks5"));
            Files.setPosixFilePermissions(root.resolve("socks5"), PosixFilePermissions.fromString("rwxr-xr-x"));
            return root;
        }, null, List.of("/socks5"), UpstreamBuilds.SOCKS5_USER);
    }

    interface RootWriter {
        Path write(Platform p) throws IOException;
    }

    private void pushIndex(RegistryApi api, ImageLocation location, RootWriter writer, List<String> cmd, List<String> entrypoint,
                           String user) throws IOException {
        ObjectMapper json = new ObjectMapper();
        ObjectNode index = json.createObjectNode();
        index.put("schemaVersion", 2);
        index.put("mediaType", RegistryApi.DOCKER_LIST);
        var manifests = index.putArray("manifests");
        for (Platform p : Platform.values()) {
            Path root = writer.write(p);
            Path layer = work.resolve(location.repository().replace('/', '_') + "-" + p.architecture() + ".tar.gz");
            Shell.run("tar", "--owner=0", "--group=0", "--numeric-owner", "-C", root.toString(), "-czf", layer.toString(), ".").orFail();
            byte[] layerBytes = Files.readAllBytes(layer);
            String layerDigest = api.putBlob(location, layerBytes);
            String diffId;
            try (InputStream in = new GZIPInputStream(Files.newInputStream(layer))) {
                diffId = "sha256:" + Sha256.of(in.readAllBytes());
            }
            ObjectNode config = json.createObjectNode();
            config.put("architecture", p.architecture()).put("os", "linux");
            ObjectNode c = config.putObject("config");
            c.putArray("Env").add("PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin");
            if (cmd != null) {
                cmd.forEach(c.putArray("Cmd")::add);
            }
            if (entrypoint != null) {
                entrypoint.forEach(c.putArray("Entrypoint")::add);
            }
            if (user != null) {
                c.put("User", user);
            }
            config.putObject("rootfs").put("type", "layers").putArray("diff_ids").add(diffId);
            config.putArray("history").addObject().put("created", "2025-01-01T00:00:00Z").put("created_by", "test fixture");
            byte[] configBytes = json.writeValueAsBytes(config);
            String configDigest = api.putBlob(location, configBytes);
            ObjectNode manifest = json.createObjectNode();
            manifest.put("schemaVersion", 2).put("mediaType", RegistryApi.DOCKER_MANIFEST);
            manifest.putObject("config").put("mediaType", "application/vnd.docker.container.image.v1+json")
                    .put("size", configBytes.length).put("digest", configDigest);
            manifest.putArray("layers").addObject().put("mediaType", "application/vnd.docker.image.rootfs.diff.tar.gzip")
                    .put("size", layerBytes.length).put("digest", layerDigest);
            byte[] manifestBytes = json.writeValueAsBytes(manifest);
            String digest = api.putManifest(location, location.tag() + "-" + p.architecture(), RegistryApi.DOCKER_MANIFEST, manifestBytes);
            manifests.addObject().put("mediaType", RegistryApi.DOCKER_MANIFEST).put("size", manifestBytes.length).put("digest", digest)
                    .putObject("platform").put("architecture", p.architecture()).put("os", "linux");
        }
        api.putManifest(location, location.tag(), RegistryApi.DOCKER_LIST, json.writeValueAsBytes(index));
    }

    static RegistryApi registryApi() {
        return new RegistryApi(new HttpFetcher(Reporter.SILENT), new RegistryCredentials(Map.of(), null), false);
    }
}
