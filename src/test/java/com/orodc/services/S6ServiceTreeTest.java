package com.orodc.services;

import com.orodc.testing.Shell;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The s6-overlay service definitions as s6-rc-compile would read them in the image: valid types,
 * the files each type needs, dependencies that exist and do not loop, the user bundle naming every
 * service, and scripts that are executable and start with an interpreter the image has.
 */
class S6ServiceTreeTest {
    private static final Set<String> TYPES = Set.of("oneshot", "longrun", "bundle");
    /** Services s6-overlay itself defines, which ours may depend on. */
    private static final Set<String> BUILT_INS = Set.of("base");
    /** The image has busybox at /bin/sh and s6-overlay's programs under /command. */
    private static final Set<String> INTERPRETERS = Set.of("/bin/sh", "/command/with-contenv", "/command/execlineb");
    private static final Set<String> SCRIPT_NAMES = Set.of("run", "finish");
    private static final Set<String> KNOWN_ENTRIES = Set.of("type", "run", "finish", "up", "down", "dependencies.d",
            "contents.d", "notification-fd", "timeout-up", "timeout-down", "timeout-kill", "timeout-finish");
    private static final String SCRIPT_DIR_IN_IMAGE = "/etc/s6-overlay/scripts/";

    private static final Path TREE = ServiceScript.S6_RC;

    private static Map<String, String> services() {
        Map<String, String> types = new TreeMap<>();
        for (Path dir : list(TREE)) {
            assertThat(dir).as("everything at the top of s6-rc.d is a service directory").isDirectory();
            Path type = dir.resolve("type");
            assertThat(type).as("%s has a type file", dir).isRegularFile();
            types.put(dir.getFileName().toString(), read(type).strip());
        }
        return types;
    }

    @Test
    void everyServiceHasAValidTypeAndTheFilesItNeeds() {
        Map<String, String> services = services();
        assertThat(services).containsEntry("init-certs", "oneshot")
                .containsEntry("traefik", "longrun")
                .containsEntry("socks5", "longrun")
                .containsEntry("user", "bundle");
        services.forEach((name, type) -> {
            Path dir = TREE.resolve(name);
            assertThat(TYPES).as("type of %s", name).contains(type);
            assertThat(list(dir)).as("files of %s", name)
                    .allSatisfy(p -> assertThat(KNOWN_ENTRIES).contains(p.getFileName().toString()));
            switch (type) {
                case "longrun" -> assertThat(dir.resolve("run")).as("%s/run", name).isRegularFile().isExecutable();
                case "oneshot" -> assertThat(dir.resolve("up")).as("%s/up", name).isRegularFile();
                default -> assertThat(dir.resolve("contents.d")).as("%s/contents.d", name).isDirectory();
            }
        });
    }

    @Test
    void oneshotUpIsOneCommandLineNamingAScriptThatShips() {
        services().forEach((name, type) -> {
            if (!type.equals("oneshot")) {
                return;
            }
            List<String> lines = read(TREE.resolve(name).resolve("up")).lines().filter(l -> !l.isBlank()).toList();
            // s6-rc hands "up" to execlineb: a single command line, not a shell script
            assertThat(lines).as("%s/up", name).hasSize(1);
            String program = lines.get(0).strip().split("\\s+")[0];
            assertThat(program).as("%s/up runs a script from s6-overlay/scripts", name).startsWith(SCRIPT_DIR_IN_IMAGE);
            Path source = ServiceScript.SCRIPTS.resolve(program.substring(SCRIPT_DIR_IN_IMAGE.length()));
            assertThat(source).as("the script %s/up runs", name).isRegularFile().isExecutable();
        });
    }

    @Test
    void dependenciesNameExistingServicesWithoutCycles() {
        Map<String, String> services = services();
        Map<String, List<String>> graph = new HashMap<>();
        services.forEach((name, type) -> {
            List<String> deps = names(TREE.resolve(name).resolve("dependencies.d"));
            if (!type.equals("bundle")) {
                assertThat(deps).as("%s depends on base, as s6-overlay asks", name).contains("base");
            }
            for (String dep : deps) {
                assertThat(services.containsKey(dep) || BUILT_INS.contains(dep))
                        .as("%s depends on %s, which is neither a service here nor one of %s", name, dep, BUILT_INS).isTrue();
                assertThat(read(TREE.resolve(name).resolve("dependencies.d").resolve(dep))).as("dependency files are empty").isEmpty();
            }
            graph.put(name, deps);
        });
        assertThat(graph.get("traefik")).contains("init-certs");
        graph.keySet().forEach(start -> assertNoCycle(start, graph, new ArrayList<>()));
    }

    @Test
    void userBundleNamesEveryService() {
        Map<String, String> services = services();
        List<String> contents = names(TREE.resolve("user").resolve("contents.d"));
        Set<String> expected = new HashSet<>(services.keySet());
        expected.remove("user");
        assertThat(contents).containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void everyScriptIsExecutableAndStartsWithAnInterpreterOfTheImage() {
        List<Path> scripts = scripts();
        assertThat(scripts).hasSizeGreaterThanOrEqualTo(5);
        Map<String, String> gitModes = gitModes();
        for (Path script : scripts) {
            assertThat(script).as("%s is executable", script).isExecutable();
            String key = script.toString().replace('\\', '/');
            if (gitModes.containsKey(key)) {
                assertThat(gitModes.get(key)).as("mode of %s in git", key).isEqualTo("100755");
            }
            String first = read(script).lines().findFirst().orElse("");
            assertThat(first).as("first line of %s", script).startsWith("#!");
            String interpreter = first.substring(2).strip().split("\\s+")[0];
            assertThat(INTERPRETERS).as("interpreter of %s", script).contains(interpreter);
            if (interpreter.equals("/command/with-contenv")) {
                // with-contenv execs its argument; only busybox sh is there to run it
                assertThat(first).as("%s", script).isEqualTo("#!/command/with-contenv sh");
            }
        }
    }

    @Test
    @EnabledOnOs(value = OS.LINUX, disabledReason = "checks the scripts with Linux's static busybox sh")
    void scriptsAreValidShell() {
        for (Path script : scripts()) {
            Shell.Result check = Shell.run(ServiceScript.BUSYBOX.toString(), "sh", "-n", script.toString());
            assertThat(check.exitCode()).as("busybox sh -n %s: %s", script, check.err()).isZero();
        }
    }

    @Test
    void theTreeIsPackagedForTheImageBuilder() {
        ClassLoader loader = getClass().getClassLoader();
        for (Path script : scripts()) {
            assertThat(loader.getResource("orodc/" + script.toString().replace('\\', '/'))).as("packaged %s", script).isNotNull();
        }
        assertThat(loader.getResource("orodc/s6-rc.d/init-certs/up")).isNotNull();
        assertThat(loader.getResource("orodc/s6-rc.d/user/contents.d/traefik")).isNotNull();
    }

    private static List<Path> scripts() {
        List<Path> scripts = new ArrayList<>(list(ServiceScript.SCRIPTS));
        for (Path dir : list(TREE)) {
            for (String name : SCRIPT_NAMES) {
                if (Files.exists(dir.resolve(name))) {
                    scripts.add(dir.resolve(name));
                }
            }
        }
        return scripts;
    }

    private static void assertNoCycle(String service, Map<String, List<String>> graph, List<String> path) {
        assertThat(path).as("dependency cycle: %s -> %s", path, service).doesNotContain(service);
        path.add(service);
        for (String dep : graph.getOrDefault(service, List.of())) {
            assertNoCycle(dep, graph, path);
        }
        path.remove(path.size() - 1);
    }

    /** Modes of the tracked files, when the tests run in a git checkout. */
    private static Map<String, String> gitModes() {
        if (!Shell.available("git") || !Files.exists(Path.of(".git"))) {
            return Map.of();
        }
        Shell.Result r = Shell.run("git", "ls-files", "-s", "--", "s6-rc.d", "s6-overlay");
        if (r.exitCode() != 0) {
            return Map.of();
        }
        Map<String, String> modes = new HashMap<>();
        r.out().lines().forEach(line -> {
            String[] parts = line.split("\\s+", 4);
            modes.put(parts[3], parts[0]);
        });
        return modes;
    }

    private static List<String> names(Path dir) {
        return list(dir).stream().map(p -> p.getFileName().toString()).toList();
    }

    private static List<Path> list(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
