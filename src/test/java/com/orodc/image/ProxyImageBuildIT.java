package com.orodc.image;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.orodc.core.Sha256;
import com.orodc.testing.CliResult;
import com.orodc.testing.InProcessCli;
import com.orodc.testing.PackagedCli;
import com.orodc.testing.Shell;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The image built from stand-ins of the upstream downloads (a local release server and registry),
 * checked the way a user or the engine would see it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProxyImageBuildIT {
    private static final List<String> PROTECTED = S6OverlayLayer.PROTECTED;

    private OfflineUpstream served;
    private Path work;
    private ReleaseServer releases;
    private TestRegistry registry;
    private Upstream upstream;
    private String base;
    private String socks5;
    private final List<String> dockerImages = new ArrayList<>();

    @BeforeAll
    void upstream() throws IOException {
        served = OfflineUpstream.start();
        work = served.work;
        upstream = served.upstream;
        releases = served.releases;
        registry = served.registry;
        base = served.base;
        socks5 = served.socks5;
    }

    @AfterAll
    void cleanUp() {
        for (String image : dockerImages) {
            Shell.run("docker", "image", "rm", "-f", image);
        }
        if (served != null) {
            served.close();
        }
    }

    private InProcessCli cli(Path home) {
        InProcessCli cli = served.configure(new InProcessCli(home));
        cli.in(work);
        return cli;
    }

    private String target(String tag) {
        return registry.host() + "/orodc-t-image/proxy:" + tag;
    }

    private static String listDigest(CliResult r) {
        return r.out().lines().filter(l -> l.strip().startsWith("list")).map(l -> l.strip().split("\\s+")[1]).findFirst().orElseThrow();
    }

    @Test
    void multiArchBuildPushesBothPlatformsReproduciblyAndDownloadsOnlyOnce(@TempDir Path home, @TempDir Path otherHome) {
        CliResult first = cli(home).run("proxy-image", "build", "--to", target("1.0")).assertSuccess();
        String digest = listDigest(first);
        int requestsAfterFirst = releases.requests().size();
        assertThat(requestsAfterFirst).isPositive();

        RegistryApi api = Upstream.registryApi();
        RegistryApi.Manifest list = api.manifest(ImageLocation.parse(target("1.0")), "1.0");
        assertThat(list.isIndex()).isTrue();
        List<String> platforms = new ArrayList<>();
        list.json().path("manifests").forEach(m -> platforms.add(m.path("platform").path("os").asText() + "/"
                + m.path("platform").path("architecture").asText()));
        assertThat(platforms).containsExactly("linux/amd64", "linux/arm64");
        assertThat(list.digest()).isEqualTo(digest);

        CliResult second = cli(home).run("proxy-image", "build", "--to", target("1.0")).assertSuccess();
        assertThat(releases.requests()).as("a warm build downloads nothing").hasSize(requestsAfterFirst);
        assertThat(listDigest(second)).isEqualTo(digest);

        CliResult cold = cli(otherHome).run("proxy-image", "build", "--to", target("1.0-again")).assertSuccess();
        assertThat(listDigest(cold)).as("same inputs, same digest, from an empty cache").isEqualTo(digest);
    }

    @Test
    void eachPlatformCarriesItsOwnBinariesAndS6OverlayExactlyAsTarWouldExtractIt(@TempDir Path home) throws IOException {
        cli(home).run("proxy-image", "build", "--to", target("tree")).assertSuccess();
        for (Platform p : Platform.values()) {
            ImagePull.Pulled image = pull(target("tree"), p);
            ImageTree tree = ImageTree.ofLayers(image.layers());
            assertThat(tree.elfMachine(ProxyContainer.TRAEFIK_PATH)).as("traefik on " + p).isEqualTo(p.elfMachine());
            assertThat(tree.elfMachine(ProxyContainer.SOCKS5_PATH)).as("socks5 on " + p).isEqualTo(p.elfMachine());
            assertThat(tree.elfMachine("command/s6-svscan")).as("link into s6 on " + p).isEqualTo(-1);
            assertThat(tree.get("command/s6-svscan").link()).isEqualTo("../package/admin/s6/command/s6-svscan");
            assertThat(tree.get("package/admin/s6").link()).isEqualTo("s6-2.13.2.0");
            assertThat(tree.elfMachine("package/admin/s6-2.13.2.0/command/s6-svscan")).as("s6 on " + p).isEqualTo(p.elfMachine());
            assertThat(tree.get("package/admin/s6-overlay-helpers-0.1.2.0/command/s6-overlay-suexec").mode())
                    .as("setuid kept").isEqualTo(04755);
            assertThat(tree.elfMachine("bin/busybox")).as("base on " + p).isEqualTo(p.elfMachine());
            assertThat(tree.get(ProxyContainer.TRAEFIK_PATH).mode()).isEqualTo(0755);
            assertThat(tree.get(ProxyContainer.SOCKS5_PATH).mode()).isEqualTo(0755);

            ImageTree extracted = extract(upstream.s6NoarchTarball, upstream.s6ArchTarballs.get(p));
            assertThat(extracted.nodes()).isNotEmpty();
            extracted.nodes().forEach((path, node) -> {
                assertThat(tree.get(path)).as("/" + path + " on " + p).isNotNull();
                if (node.type() == 'd' && path.startsWith("etc")) {
                    assertThat(tree.get(path).type()).as("/" + path).isEqualTo('d');
                } else {
                    assertThat(tree.get(path).signature()).as("/" + path + " on " + p).isEqualTo(node.signature());
                }
            });
            assertThat(tree.get("init").type()).as("/init is s6-overlay's script, not a link").isEqualTo('f');
            assertThat(tree.get("init").mode()).isEqualTo(0755);

            for (ImageResources.ImageFile f : ImageResources.files()) {
                ImageTree.Node n = tree.get(f.target());
                assertThat(n).as(f.target()).isNotNull();
                assertThat(n.mode()).as(f.target()).isEqualTo(f.mode());
                assertThat(n.sha256()).as(f.target()).isEqualTo(Sha256.of(f.content()));
            }

            int baseLayers = 1; // the fixture base has one layer; all above it are ours
            ImageTree ours = ImageTree.ofLayers(image.layers().subList(baseLayers, image.layers().size()));
            for (String path : ours.nodes().keySet()) {
                for (String forbidden : PROTECTED) {
                    assertThat(path.equals(forbidden) || path.startsWith(forbidden + "/")).as("/" + path + " is under /" + forbidden).isFalse();
                }
            }
            assertThat(tree.get("var/run").link()).as("the base's /var/run link survives").isEqualTo("/run");
            assertThat(tree.get("tmp").type()).isEqualTo('d');

            var json = new ObjectMapper().readTree(image.config());
            assertThat(json.path("architecture").asText()).isEqualTo(p.architecture());
            assertThat(json.path("config").path("Entrypoint").toString()).isEqualTo("[\"/init\"]");
            assertThat(json.path("config").path("Cmd").isMissingNode() || json.path("config").path("Cmd").isNull()
                    || json.path("config").path("Cmd").isEmpty()).as("no Cmd from the base: /init would run it and exit").isTrue();
            assertThat(json.path("config").path("ExposedPorts").has("80/tcp")).isTrue();
            assertThat(json.path("config").path("ExposedPorts").has("443/tcp")).isTrue();
            assertThat(json.path("config").path("ExposedPorts").has("1080/tcp")).isTrue();
            var labels = json.path("config").path("Labels");
            assertThat(labels.path("com.orodc.proxy.traefik.version").asText()).isEqualTo(Upstream.TRAEFIK);
            assertThat(labels.path("com.orodc.proxy.s6-overlay.version").asText()).isEqualTo(Upstream.S6);
            assertThat(labels.path("com.orodc.proxy.base.digest").asText()).startsWith("sha256:");
            assertThat(labels.path("com.orodc.proxy.socks5.digest").asText()).startsWith("sha256:");
            assertThat(labels.path("org.opencontainers.image.created").asText()).isEqualTo(ImageLabels.CREATED);
            ImageResources.environment().forEach((k, v) ->
                    assertThat(json.path("config").path("Env").toString()).contains(k + "=" + v));
        }

        CliResult inspect = cli(home).run("proxy-image", "inspect", target("tree")).assertSuccess();
        assertThat(inspect.out()).contains("linux/amd64", "linux/arm64", "traefik.version", Upstream.TRAEFIK, "s6-overlay.version");
    }

    @Test
    void publishPushesTheVersionTagAndLatestAndInspectShowsWhatIsInside(@TempDir Path home) {
        String repository = registry.host() + "/orodc-t-image/published";
        CliResult r = cli(home).run("proxy-image", "publish", "--to", repository, "--tag", "1.2.0", "--traefik-version", "latest",
                "--label-source", "https://example.com/orodc", "--label-revision", "abc123").assertSuccess();
        r.assertErr("traefik latest is " + Upstream.TRAEFIK);
        String digest = listDigest(r);
        assertThat(r.out()).contains("tags: 1.2.0, latest");
        RegistryApi api = Upstream.registryApi();
        ImageLocation location = ImageLocation.parse(repository + ":1.2.0");
        assertThat(api.manifest(location, "1.2.0").digest()).isEqualTo(digest);
        assertThat(api.manifest(location, "latest").digest()).isEqualTo(digest);

        CliResult inspect = cli(home).run("proxy-image", "inspect", repository + ":latest").assertSuccess();
        assertThat(inspect.out()).contains(digest, "linux/amd64", "linux/arm64", "entrypoint /init",
                "traefik.version", Upstream.TRAEFIK, "s6-overlay.version", Upstream.S6, "socks5.digest");
        ImagePull.Pulled amd64 = new ImagePull(api, new ArtifactCache(home.resolve("pull")), false, null).pull(repository + ":1.2.0", Platform.AMD64);
        assertThat(new String(amd64.config())).contains("\"org.opencontainers.image.source\":\"https://example.com/orodc\"",
                "\"org.opencontainers.image.revision\":\"abc123\"");
    }

    @Test
    void aTamperedChecksumStopsTheBuildAndPushesNothing(@TempDir Path home) {
        try (ReleaseServer tampered = new ReleaseServer()) {
            upstream.serveOn(tampered);
            String asset = ReleaseAsset.traefik(Upstream.TRAEFIK, Platform.ARM64).fileName();
            String published = "0".repeat(64);
            String real = Sha256.of(upstream.releaseFiles.get("/" + ReleaseAsset.traefik(Upstream.TRAEFIK, Platform.ARM64).path()));
            String list = new String(upstream.releaseFiles.get("/" + ReleaseAsset.traefikChecksums(Upstream.TRAEFIK).path()))
                    .replace(real, published);
            tampered.put(ReleaseAsset.traefikChecksums(Upstream.TRAEFIK).path(), list.getBytes());

            CliResult r = cli(home).env("ORODC_MIRROR", tampered.base())
                    .run("proxy-image", "build", "--to", target("tampered")).assertExit(1);
            r.assertErr("sha256 mismatch").assertErr(asset).assertErr(published).assertErr(real).assertErr("nothing was built or pushed");
        }
        RegistryApi api = Upstream.registryApi();
        ImageLocation location = ImageLocation.parse(target("tampered"));
        for (String tag : List.of("tampered", "tampered-amd64", "tampered-arm64")) {
            assertThat(api.hasManifest(location, tag)).as("tag " + tag).isFalse();
        }
    }

    @Test
    void offlineWithAnEmptyCacheNamesEverythingMissing(@TempDir Path home) {
        CliResult r = cli(home).run("proxy-image", "build", "--offline", "--to", target("offline")).assertExit(1);
        r.assertErr("--offline").assertErr("traefik_v3.6.1_checksums.txt").assertErr("s6-overlay-noarch.tar.xz.sha256")
                .assertErr("s6-overlay-aarch64.tar.xz.sha256").assertErr("image " + base).assertErr("image " + socks5)
                .assertErr("without --offline");
    }

    @Test
    void theNativeImageLoadsIntoTheEngineAndOfflineBuildsAgreeWithOnline(@TempDir Path home) throws IOException {
        String name = "orodc-t-image-" + UUID.randomUUID().toString().substring(0, 8) + ":1";
        dockerImages.add(name);
        cli(home).run("proxy-image", "build", "--platform", "linux/amd64", "--to", "docker:" + name).assertSuccess();

        Shell.Result ls = Shell.run("docker", "run", "--rm", "--label", "orodc.test=true", "--entrypoint", "/bin/ls", name,
                "-l", "/init", "/usr/local/bin", "/etc/s6-overlay/s6-rc.d", "/command").orFail();
        assertThat(ls.out()).contains("traefik", "socks5", "s6-svscan -> ../package/admin/s6/command/s6-svscan");
        assertThat(ls.out().lines().filter(l -> l.endsWith(" /init"))).as("/init, a script").singleElement()
                .satisfies(l -> assertThat(l).startsWith("-rwxr-xr-x"));
        for (ImageResources.ImageFile f : ImageResources.files()) {
            if (f.target().startsWith(ImageResources.SERVICES_TARGET + "/") && !f.target().substring(ImageResources.SERVICES_TARGET.length() + 1).contains("/")) {
                assertThat(ls.out()).contains(f.target().substring(f.target().lastIndexOf('/') + 1));
            }
        }
        Shell.Result arch = Shell.run("docker", "run", "--rm", "--label", "orodc.test=true", "--entrypoint", "/bin/sh",
                name, "-c", "uname -m; stat -c '%a %n' /usr/local/bin/traefik /usr/local/bin/socks5; head -n 1 /init").orFail();
        assertThat(arch.out()).contains("#!/bin/sh -e");
        assertThat(arch.out()).contains("x86_64", "755 /usr/local/bin/traefik", "755 /usr/local/bin/socks5");

        int before = releases.requests().size();
        Path tar = home.resolve("proxy.tar");
        String tarName = "orodc-t-image-" + UUID.randomUUID().toString().substring(0, 8) + ":tar";
        dockerImages.add(tarName);
        cli(home).run("proxy-image", "build", "--offline", "--platform", "linux/amd64", "--to", "tar:" + tar, "--name", tarName).assertSuccess();
        assertThat(releases.requests()).hasSize(before);
        assertThat(tar).isRegularFile();
        assertThat(tar.resolveSibling("proxy.tar.part")).doesNotExist();
        Shell.Result loaded = Shell.run("docker", "load", "-i", tar.toString()).orFail();
        assertThat(loaded.out()).contains(tarName);
        String idFromTar = Shell.run("docker", "image", "inspect", "-f", "{{.Id}}", tarName).orFail().out().strip();
        String idFromEngine = Shell.run("docker", "image", "inspect", "-f", "{{.Id}}", name).orFail().out().strip();
        assertThat(idFromTar).as("offline tar and online engine builds are the same image").isEqualTo(idFromEngine);
    }

    @Test
    void thePackagedApplicationPacksTheSameServiceFiles(@TempDir Path home) throws IOException {
        PackagedCli cli = served.configure(new PackagedCli(home));
        Path tar = home.resolve("packaged.tar");
        cli.run("proxy-image", "build", "--platform", "linux/arm64", "--to", "tar:" + tar).assertSuccess().assertOut("linux/arm64");

        Path unpacked = Files.createDirectories(home.resolve("unpacked"));
        Shell.run("tar", "-C", unpacked.toString(), "-xf", tar.toString()).orFail();
        var manifest = new ObjectMapper().readTree(unpacked.resolve("manifest.json").toFile());
        List<Path> layers = new ArrayList<>();
        manifest.get(0).path("Layers").forEach(l -> layers.add(unpacked.resolve(l.asText())));
        ImageTree tree = ImageTree.ofLayers(layers);
        assertThat(tree.elfMachine(ProxyContainer.TRAEFIK_PATH)).isEqualTo(Platform.ARM64.elfMachine());
        for (ImageResources.ImageFile f : ImageResources.files()) {
            assertThat(tree.get(f.target())).as(f.target()).isNotNull();
            assertThat(tree.get(f.target()).mode()).as(f.target()).isEqualTo(f.mode());
        }
    }

    private ImagePull.Pulled pull(String reference, Platform platform) throws IOException {
        ArtifactCache cache = new ArtifactCache(Files.createTempDirectory(work, "pull"));
        return new ImagePull(Upstream.registryApi(), cache, false, null).pull(reference, platform);
    }

    private ImageTree extract(Path... tarballs) throws IOException {
        Path dir = Files.createTempDirectory(work, "extract");
        for (Path t : tarballs) {
            Shell.run("tar", "-C", dir.toString(), "-Jxpf", t.toString()).orFail();
        }
        return ImageTree.ofFolder(dir);
    }
}
