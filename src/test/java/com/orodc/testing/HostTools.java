package com.orodc.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Finds the machine's programs the tests run where distributions put them differently: busybox (Debian 12
 * at /bin/busybox, Ubuntu at /usr/bin/busybox), a Chromium-family browser (Debian's chromium, a runner's
 * chromium or google-chrome), Docker Compose (the v2 plugin or v1's docker-compose). A missing one fails the
 * test with the command that installs it.
 */
public final class HostTools {
    /** Where busybox-static puts its binary, Debian 12 first. */
    static final List<Path> BUSYBOX_PLACES = List.of(Path.of("/bin/busybox"), Path.of("/usr/bin/busybox"));
    /** Names a Chromium-family browser goes by, in the order .ci/install-deps looks them up. */
    static final List<String> CHROMIUM_NAMES = List.of("chromium", "chromium-browser", "google-chrome", "google-chrome-stable");
    /** Overrides the browser lookup with a path or a name on PATH. */
    public static final String CHROMIUM_VARIABLE = "ORODC_TEST_CHROMIUM";

    private static List<String> compose;

    private HostTools() {
    }

    /** The static busybox of this machine's architecture. */
    public static Path busybox() {
        return findBusybox().orElseThrow(() -> new AssertionError(
                "busybox is missing (looked at " + BUSYBOX_PLACES + "): install busybox-static (.ci/install-deps test)"));
    }

    /** The first of {@link #BUSYBOX_PLACES} that is there, if any. */
    public static Optional<Path> findBusybox() {
        return BUSYBOX_PLACES.stream().filter(Files::isExecutable).findFirst();
    }

    /** The browser to run: {@value #CHROMIUM_VARIABLE} when set, else the first of {@link #CHROMIUM_NAMES} on PATH. */
    public static String chromium() {
        String chosen = System.getenv(CHROMIUM_VARIABLE);
        if (chosen != null && !chosen.isBlank()) {
            return onPath(chosen).or(() -> Optional.of(Path.of(chosen)).filter(Files::isExecutable))
                    .map(Path::toString)
                    .orElseThrow(() -> new AssertionError(CHROMIUM_VARIABLE + "=" + chosen + " is not an executable program"));
        }
        return CHROMIUM_NAMES.stream().map(HostTools::onPath).flatMap(Optional::stream).findFirst().map(Path::toString)
                .orElseThrow(() -> new AssertionError("no Chromium or Chrome on PATH (looked for " + CHROMIUM_NAMES
                        + "): run .ci/install-deps test, or set " + CHROMIUM_VARIABLE + " to the browser's binary"));
    }

    /** The Compose command: {@code docker compose} when the v2 plugin answers, else v1's {@code docker-compose}. */
    public static synchronized List<String> compose() {
        if (compose == null) {
            if (onPath("docker").isPresent() && Shell.run("docker", "compose", "version").exitCode() == 0) {
                compose = List.of("docker", "compose");
            } else if (onPath("docker-compose").isPresent()) {
                compose = List.of("docker-compose");
            } else {
                throw new AssertionError("neither 'docker compose' nor 'docker-compose' is here: run .ci/install-deps test");
            }
        }
        return compose;
    }

    /** {@link #compose()} followed by {@code args}. */
    public static List<String> compose(String... args) {
        List<String> command = new ArrayList<>(compose());
        command.addAll(List.of(args));
        return command;
    }

    static Optional<Path> onPath(String program) {
        if (program.contains("/")) {
            return Optional.empty();
        }
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(":")) {
            Path candidate = Path.of(dir.isEmpty() ? "." : dir, program);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
