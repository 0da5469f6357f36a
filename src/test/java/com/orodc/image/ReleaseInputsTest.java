package com.orodc.image;

import com.orodc.core.OrodcException;
import com.orodc.core.Reporter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReleaseInputsTest {
    @TempDir
    Path dir;

    @Test
    void checksumFilesInBothPublishedShapesAreRead() {
        String sum = "a".repeat(64);
        assertThat(ChecksumList.parse(sum + "  traefik_v3.6.1_linux_amd64.tar.gz\n").sumOf("traefik_v3.6.1_linux_amd64.tar.gz")).hasValue(sum);
        assertThat(ChecksumList.parse(sum + " *s6-overlay-noarch.tar.xz\n").sumOf("s6-overlay-noarch.tar.xz")).hasValue(sum);
        assertThat(ChecksumList.parse("not a sum  file\n").sums()).isEmpty();
    }

    @Test
    void assetsFollowTheReleaseDownloadLayoutUnderTheMirror() {
        assertThat(ReleaseAsset.traefik("3.6.1", Platform.ARM64).uri("https://mirror.example/gh/").toString())
                .isEqualTo("https://mirror.example/gh/traefik/traefik/releases/download/v3.6.1/traefik_v3.6.1_linux_arm64.tar.gz");
        assertThat(ReleaseAsset.s6Arch("3.2.1.0", Platform.AMD64).sha256File().uri(ReleaseAsset.DEFAULT_BASE).toString())
                .isEqualTo("https://github.com/just-containers/s6-overlay/releases/download/v3.2.1.0/s6-overlay-x86_64.tar.xz.sha256");
    }

    @Test
    void latestIsTheHighestStableV3AndIsRememberedForOfflineBuilds() {
        try (ReleaseServer server = new ReleaseServer()) {
            server.put("/api/repos/traefik/traefik/releases", """
                    [{"tag_name":"v3.9.0-rc.1","prerelease":true},{"tag_name":"v3.10.0","draft":true},
                     {"tag_name":"v3.6.12","prerelease":false},{"tag_name":"v3.6.2","prerelease":false},
                     {"tag_name":"v4.0.0","prerelease":false},{"tag_name":"v2.11.9","prerelease":false}]""".getBytes());
            ArtifactCache cache = new ArtifactCache(dir);
            HttpFetcher http = new HttpFetcher(Reporter.SILENT);
            assertThat(new TraefikVersion(cache, http, server.base() + "/api", false, Reporter.SILENT).resolve("latest")).isEqualTo("3.6.12");
            assertThat(new TraefikVersion(cache, http, server.base() + "/api", true, Reporter.SILENT).resolve("latest")).isEqualTo("3.6.12");
            assertThat(server.requests()).hasSize(1);
        }
    }

    @Test
    void aPinnedVersionIsCheckedAndAnOldOneWarned() {
        List<String> warnings = new ArrayList<>();
        Reporter reporter = (level, message) -> {
            if (level == Reporter.Level.WARN) {
                warnings.add(message);
            }
        };
        TraefikVersion versions = new TraefikVersion(new ArtifactCache(dir), new HttpFetcher(reporter), "http://127.0.0.1:9", true, reporter);
        assertThat(versions.resolve("v3.6.1")).isEqualTo("3.6.1");
        assertThat(warnings).isEmpty();
        assertThat(versions.resolve("3.5.0")).isEqualTo("3.5.0");
        assertThat(warnings).singleElement().asString().contains("Docker Engine 29");
        assertThatThrownBy(() -> versions.resolve("2.11.0")).isInstanceOf(OrodcException.class).hasMessageContaining("not a v3 release");
        assertThatThrownBy(() -> versions.resolve("latest")).isInstanceOf(MissingFromCache.class);
    }

    @Test
    void flagsWinOverEnvironmentWhichWinsOverPinnedVersions() {
        ImageInputs none = new ImageInputs(null, null, null, null, null, null, null, false, false);
        ImageInputs fromEnv = ImageInputs.resolve(Map.of("ORODC_TRAEFIK_VERSION", "3.6.5", "ORODC_MIRROR", "http://m.example/"), none);
        assertThat(fromEnv.traefikVersion()).isEqualTo("3.6.5");
        assertThat(fromEnv.releasesApi()).isEqualTo("http://m.example/api");
        assertThat(fromEnv.s6OverlayVersion()).isNotBlank();
        ImageInputs flag = new ImageInputs(null, "3.6.7", null, null, null, null, null, false, false);
        assertThat(ImageInputs.resolve(Map.of("ORODC_TRAEFIK_VERSION", "3.6.5"), flag).traefikVersion()).isEqualTo("3.6.7");
        assertThat(ImageInputs.resolve(Map.of(), none).releasesApi()).isEqualTo(TraefikVersion.DEFAULT_API);
    }

    @Test
    void platformsKeepTheirOrderWithoutRepeats() {
        assertThat(Platform.parseAll(List.of("linux/arm64,amd64", "linux/arm64"))).containsExactly(Platform.ARM64, Platform.AMD64);
        assertThatThrownBy(() -> Platform.parse("linux/s390x")).isInstanceOf(OrodcException.class).hasMessageContaining("linux/amd64");
    }

    @Test
    void imageNamesExpandAsDockerDoesAndARegistryMirrorReplacesDockerHub() {
        ImageLocation alpine = ImageLocation.parse("alpine:3.22", "http://127.0.0.1:5000/");
        assertThat(alpine.registry()).isEqualTo("127.0.0.1:5000");
        assertThat(alpine.repository()).isEqualTo("library/alpine");
        assertThat(alpine.isLocalhost()).isTrue();
        ImageLocation ghcr = ImageLocation.parse("ghcr.io/acme/proxy@sha256:" + "b".repeat(64), "127.0.0.1:5000");
        assertThat(ghcr.registry()).isEqualTo("ghcr.io");
        assertThat(ghcr.reference()).startsWith("sha256:");
        assertThat(ghcr.isLocalhost()).isFalse();
    }

    @Test
    void targetsAreParsedAndRefusedWithAHint() {
        assertThat(ImageTarget.parse("docker", dir, null)).isEqualTo(new ImageTarget.Docker(ImageTarget.DEFAULT_LOCAL_NAME));
        assertThat(ImageTarget.parse("tar:out/p.tar", dir, "x/y:1")).isEqualTo(new ImageTarget.Tar(dir.resolve("out/p.tar"), "x/y:1"));
        assertThat(ImageTarget.parse("127.0.0.1:5000/a/b", dir, null)).isInstanceOf(ImageTarget.Registry.class)
                .extracting(t -> ((ImageTarget.Registry) t).location().tag()).isEqualTo("latest");
        assertThatThrownBy(() -> ImageTarget.parse("tar:", dir, null)).hasMessageContaining("tar:proxy.tar");
        assertThatThrownBy(() -> ImageTarget.parse("somewhere", dir, null)).hasMessageContaining("REGISTRY/REPO:TAG");
    }
}
