package com.orodc.build;

import com.orodc.testing.Shell;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The repository's shell scripts pass Debian's shellcheck and its workflow files pass action-validator, both
 * installed by {@code .ci/install-deps test} (nothing is downloaded here). A missing tool fails the test.
 * <p>
 * Shell scripts are the files under {@code .ci/}, the {@code orodc} launcher, the service scripts of
 * {@code s6-rc.d/} and {@code s6-overlay/scripts/}, and every {@code *.sh}. Scripts for {@code sh} (the image's
 * busybox sh, also behind s6-overlay's {@code with-contenv sh}) are checked as POSIX sh, the others as bash. An s6-rc
 * {@code up} or {@code down} file without a shebang is execline, which shellcheck does not read: those are listed
 * and must be one command line. The {@code run} steps of the workflows go through shellcheck as bash, the shell
 * GitHub runs them with, their {@code ${{ }}} expressions replaced by a plain word.
 */
class RepositoryLintIT {
    private static final Path ROOT = Path.of(System.getProperty("orodc.project.dir", "")).toAbsolutePath();
    private static final Path FIXTURES = Path.of(System.getenv().getOrDefault("ORODC_TEST_FIXTURES", "/var/cache/orodc-test"));
    private static final Path VALIDATOR = FIXTURES.resolve("npm/node_modules/.bin/action-validator");
    private static final String INSTALL = "run .ci/install-deps test";
    private static final List<String> SKIPPED_FOLDERS = List.of(".git", "target", "node_modules", ".mvn");

    enum Kind { SH, BASH, EXECLINE }

    @Test
    void shellScriptsPassShellcheck() throws IOException {
        assertThat(Shell.available("shellcheck")).as("shellcheck is not installed: " + INSTALL).isTrue();
        Map<Path, Kind> scripts = shellScripts();
        assertThat(scripts).as("the scripts found").containsKeys(Path.of(".ci/install-deps"), Path.of(".ci/run"),
                Path.of(".ci/arm64-fixtures"), Path.of("orodc"), Path.of("s6-rc.d/traefik/run"));

        List<String> findings = new ArrayList<>();
        for (var e : scripts.entrySet()) {
            Path script = e.getKey();
            if (e.getValue() == Kind.EXECLINE) {
                assertThat(Files.readString(ROOT.resolve(script)).strip().lines().count())
                        .as("%s is execline: one command line", script).isEqualTo(1);
                continue;
            }
            String shell = e.getValue() == Kind.SH ? "sh" : "bash";
            Shell.Result r = Shell.run(List.of("shellcheck", "--norc", "--format=gcc", "--shell=" + shell, script.toString()),
                    ROOT, 60);
            if (r.exitCode() != 0) {
                findings.add("shellcheck --shell=" + shell + " " + script + " (exit " + r.exitCode() + "):\n" + r.out() + r.err());
            }
        }
        assertThat(findings).as(String.join("\n", findings)).isEmpty();
    }

    @Test
    void workflowsPassActionValidator() throws IOException {
        assertThat(Files.isExecutable(VALIDATOR)).as("action-validator is not installed at " + VALIDATOR + ": " + INSTALL)
                .isTrue();
        List<String> findings = new ArrayList<>();
        for (Path workflow : workflows()) {
            // the npm build takes exactly one file per run
            Shell.Result r = Shell.run(List.of(VALIDATOR.toString(), ROOT.relativize(workflow).toString()), ROOT, 60);
            if (r.exitCode() != 0) {
                findings.add("action-validator " + ROOT.relativize(workflow) + " (exit " + r.exitCode() + "):\n" + r.out() + r.err());
            }
        }
        assertThat(findings).as(String.join("\n", findings)).isEmpty();
    }

    @Test
    void workflowRunStepsPassShellcheck(@TempDir Path dir) throws IOException {
        assertThat(Shell.available("shellcheck")).as("shellcheck is not installed: " + INSTALL).isTrue();
        List<String> findings = new ArrayList<>();
        int steps = 0;
        for (Path workflow : workflows()) {
            JsonNode jobs = YAMLMapper.builder().build().readTree(workflow.toFile()).path("jobs");
            for (var job : jobs.properties()) {
                int index = 0;
                for (JsonNode step : job.getValue().path("steps")) {
                    index++;
                    if (!step.has("run")) {
                        continue;
                    }
                    steps++;
                    String where = ROOT.relativize(workflow) + " job " + job.getKey() + " step " + index
                            + (step.has("name") ? " (" + step.get("name").asString() + ")" : "");
                    // GitHub runs a step as bash -e -o pipefail with the script in a file
                    String script = "#!/usr/bin/env bash\nset -eo pipefail\n"
                            + step.get("run").asString().replaceAll("\\$\\{\\{[^}]*}}", "EXPRESSION");
                    Path file = dir.resolve(job.getKey() + "-" + index + ".sh");
                    Files.writeString(file, script);
                    Shell.Result r = Shell.run(List.of("shellcheck", "--norc", "--format=gcc", "--shell=bash", file.toString()), dir, 60);
                    if (r.exitCode() != 0) {
                        findings.add("shellcheck " + where + " (its line numbers are the step's plus 2):\n" + r.out() + r.err());
                    }
                }
            }
        }
        assertThat(steps).as("run steps found").isPositive();
        assertThat(findings).as(String.join("\n", findings)).isEmpty();
    }

    @Test
    void theValidatorReallyRejectsABrokenWorkflow() throws IOException {
        assertThat(Files.isExecutable(VALIDATOR)).as("action-validator is not installed at " + VALIDATOR + ": " + INSTALL)
                .isTrue();
        Path dir = Files.createTempDirectory("orodc-lint");
        Path broken = dir.resolve("broken.yml");
        Files.writeString(broken, "on: push\njobs:\n  build:\n    runs-on: ubuntu-24.04\n    step:\n      - run: true\n");
        Shell.Result r = Shell.run(List.of(VALIDATOR.toString(), broken.toString()), dir, 60);
        assertThat(r.exitCode()).as(r.out() + r.err()).isNotZero();
        assertThat(r.out() + r.err()).contains("step");
        Files.delete(broken);
        Files.delete(dir);
    }

    static List<Path> workflows() throws IOException {
        List<Path> workflows;
        try (Stream<Path> files = Files.list(ROOT.resolve(".github/workflows"))) {
            workflows = files.filter(f -> f.toString().endsWith(".yml") || f.toString().endsWith(".yaml")).sorted().toList();
        }
        assertThat(workflows).as("workflow files").isNotEmpty();
        return workflows;
    }

    /** Relative path to kind, sorted. */
    static Map<Path, Kind> shellScripts() throws IOException {
        Map<Path, Kind> scripts = new TreeMap<>();
        List<Path> candidates = new ArrayList<>();
        try (Stream<Path> ci = Files.list(ROOT.resolve(".ci"))) {
            ci.filter(Files::isRegularFile).forEach(candidates::add);
        }
        candidates.add(ROOT.resolve("orodc"));
        try (Stream<Path> all = Files.walk(ROOT)) {
            all.filter(Files::isRegularFile).filter(f -> !skipped(f)).filter(f -> {
                String rel = ROOT.relativize(f).toString();
                String name = f.getFileName().toString();
                return name.endsWith(".sh")
                        || rel.startsWith("s6-rc.d/") && List.of("run", "up", "down", "finish").contains(name)
                        || rel.startsWith("s6-overlay/scripts/");
            }).forEach(candidates::add);
        }
        for (Path f : candidates) {
            Path rel = ROOT.relativize(f);
            scripts.put(rel, kind(f).orElseThrow(() -> new AssertionError(rel
                    + ": no shebang naming sh or bash (and not an s6-rc up/down file in execline)")));
        }
        return scripts;
    }

    private static boolean skipped(Path f) {
        for (Path part : ROOT.relativize(f)) {
            if (SKIPPED_FOLDERS.contains(part.toString())) {
                return true;
            }
        }
        return false;
    }

    static Optional<Kind> kind(Path f) throws IOException {
        String first = Files.readString(f, StandardCharsets.UTF_8).lines().findFirst().orElse("").strip();
        if (!first.startsWith("#!")) {
            String name = f.getFileName().toString();
            return name.equals("up") || name.equals("down") ? Optional.of(Kind.EXECLINE) : Optional.empty();
        }
        // the interpreter is the last word that is not an option: /bin/sh, /usr/bin/env bash, /command/with-contenv sh
        List<String> words = Stream.of(first.substring(2).strip().split("\\s+")).filter(w -> !w.startsWith("-")).toList();
        String interpreter = words.isEmpty() ? "" : Path.of(words.get(words.size() - 1)).getFileName().toString();
        return switch (interpreter) {
            case "sh" -> Optional.of(Kind.SH);
            case "bash" -> Optional.of(Kind.BASH);
            default -> Optional.empty();
        };
    }
}
