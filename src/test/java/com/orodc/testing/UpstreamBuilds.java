package com.orodc.testing;

import com.orodc.core.ComponentVersions;
import org.junit.jupiter.api.Assumptions;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Faithful from-source builds of two upstream downloads, kept beside the project (never in it): the
 * s6-overlay release tarballs with their {@code .sha256} files, and the SOCKS5 binary of the published
 * image. Tests that boot the real programs use them; without them they skip with one line, unless
 * {@value #REQUIRED} is set (CI), where they fail.
 */
public final class UpstreamBuilds {
    private static final ComponentVersions PINNED = ComponentVersions.load();
    /** The pinned versions: a new pin needs builds of its own. */
    public static final String S6_OVERLAY = PINNED.s6Overlay();
    /** The tag of the pinned SOCKS5 image, e.g. v0.0.4. */
    public static final String SOCKS5 = PINNED.socks5Image().substring(PINNED.socks5Image().lastIndexOf(':') + 1);
    /** What the published SOCKS5 image runs as (distroless {@code static:nonroot}). */
    public static final String SOCKS5_USER = "65532";
    public static final String DIR_VARIABLE = "ORODC_UPSTREAM_DIR";
    public static final String REQUIRED = "ORODC_REQUIRE_UPSTREAM";

    private UpstreamBuilds() {
    }

    public static Path dir() {
        String fromEnv = System.getenv(DIR_VARIABLE);
        String dir = fromEnv != null && !fromEnv.isBlank() ? fromEnv : System.getProperty("orodc.upstream.dir", "../shared/upstream");
        return Path.of(dir).toAbsolutePath().normalize();
    }

    /** One s6-overlay release file, e.g. {@code s6-overlay-noarch.tar.xz} or its {@code .sha256}. */
    public static Path s6Overlay(String fileName) {
        return dir().resolve("s6-overlay/v" + S6_OVERLAY).resolve(fileName);
    }

    /** The SOCKS5 binary for a Go architecture name ({@code amd64}, {@code arm64}). */
    public static Path socks5(String goArchitecture) {
        return dir().resolve("socks5/" + SOCKS5).resolve(goArchitecture).resolve("socks5");
    }

    private static List<Path> expected() {
        return List.of(s6Overlay("s6-overlay-noarch.tar.xz"), s6Overlay("s6-overlay-noarch.tar.xz.sha256"),
                s6Overlay("s6-overlay-x86_64.tar.xz"), s6Overlay("s6-overlay-x86_64.tar.xz.sha256"),
                s6Overlay("s6-overlay-aarch64.tar.xz"), s6Overlay("s6-overlay-aarch64.tar.xz.sha256"),
                socks5("amd64"), socks5("arm64"));
    }

    /** Skips the calling test (or fails it where {@value #REQUIRED}=1) when a build is missing. */
    public static void assume() {
        Path missing = expected().stream().filter(p -> !Files.isRegularFile(p)).findFirst().orElse(null);
        if (missing == null) {
            return;
        }
        String reason = "needs the from-source upstream builds, " + missing + " is missing: set " + DIR_VARIABLE
                + " to the folder holding s6-overlay/v" + S6_OVERLAY + "/ and socks5/" + SOCKS5 + "/";
        if ("1".equals(System.getenv(REQUIRED))) {
            throw new AssertionError(reason + " (" + REQUIRED + "=1)");
        }
        System.err.println("skipped: " + reason);
        Assumptions.abort(reason);
    }
}
