package com.orodc.distribution;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.orodc.core.Sha256;
import com.orodc.testing.Shell;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The release archive as {@code .ci/release-archive} builds it from the packaged application, unpacked where
 * there is no Maven project: it runs with Java alone, its sha256 file checks, and it holds every path the
 * Homebrew formula installs. The formula written for it passes Ruby's syntax check.
 */
class ReleaseArchiveIT {
    private static final Path ROOT = Path.of(System.getProperty("orodc.project.dir", "")).toAbsolutePath();
    /** The quoted paths of the formula's install lines: libexec.install, bash_completion.install, pkgshare.install. */
    private static final Pattern INSTALL_LINE = Pattern.compile("^\\s*\\w+\\.install (.+)$", Pattern.MULTILINE);
    private static final Pattern QUOTED = Pattern.compile("\"([^\"#]+)\"");

    @TempDir
    Path dir;

    @Test
    void unpackedItRunsWithJavaAloneAndHoldsWhatTheFormulaInstalls() throws IOException {
        String version = version();
        Path out = dir.resolve("out");
        Path formula = out.resolve("orodc.rb");
        Shell.Result built = Shell.run(List.of(ROOT.resolve(".ci/release-archive").toString(), out.toString(),
                "--formula", formula.toString()), ROOT, 300).orFail();
        String name = "orodc-" + version + ".tar.gz";
        Path archive = out.resolve(name);
        assertThat(archive).isRegularFile();

        String sums = Files.readString(out.resolve(name + ".sha256"));
        assertThat(sums).isEqualTo(Sha256.of(archive) + "  " + name + "\n");
        Shell.run(List.of("sha256sum", "-c", name + ".sha256"), out, 60).orFail();
        assertThat(built.out()).contains(Sha256.of(archive));

        Path unpacked = Files.createDirectories(dir.resolve("unpacked"));
        Shell.run(List.of("tar", "-xzf", archive.toString(), "-C", unpacked.toString()), null, 120).orFail();
        Path home = unpacked.resolve("orodc-" + version);
        assertThat(home.resolve("pom.xml")).doesNotExist();
        List<String> before = tree(home);

        Shell.Result v = launch(home.resolve("bin/orodc"), "--version");
        assertThat(v.exitCode()).as(v.err()).isZero();
        assertThat(v.out().lines().findFirst()).contains("orodc " + version);
        assertThat(v.err()).doesNotContain("Building");

        // linked onto PATH under another name, as README and the formula's caveats say
        Path link = Files.createDirectories(dir.resolve("path")).resolve("orodc-proxy");
        Files.createSymbolicLink(link, home.resolve("bin/orodc"));
        Shell.Result status = launch(link, "proxy-status", "--json");
        assertThat(status.exitCode()).as(status.out() + status.err()).isEqualTo(3);
        JsonNode report = new ObjectMapper().readTree(status.out());
        assertThat(report.get("exitCode").asInt()).isEqualTo(3);
        assertThat(report.get("checks").findValuesAsText("id")).contains("docker");
        assertThat(tree(home)).as("nothing built or written inside the unpacked archive").isEqualTo(before);

        String committed = Files.readString(ROOT.resolve("Formula/orodc.rb"));
        List<String> installed = installedPaths(committed);
        assertThat(installed).contains("bin", "lib", "share/bash-completion/completions/orodc");
        for (String path : installed) {
            assertThat(home.resolve(path)).as("the formula installs %s from the archive", path).exists();
        }
        assertThat(committed).contains("libexec/\"bin/orodc\"");
        assertThat(Files.readString(home.resolve("share/bash-completion/completions/orodc")))
                .contains("complete -F _complete_orodc");

        String written = Files.readString(formula);
        assertThat(written).contains("/releases/download/v" + version + "/" + name + "\"")
                .contains("sha256 \"" + Sha256.of(archive) + "\"");
        assertThat(written.replaceAll("(?m)^  (url|sha256) .*$", ""))
                .as("only url and sha256 change").isEqualTo(committed.replaceAll("(?m)^  (url|sha256) .*$", ""));
        rubySyntax(committed);
        rubySyntax(written);

        // the same packaged application gives the same archive
        Path again = dir.resolve("again");
        Shell.run(List.of(ROOT.resolve(".ci/release-archive").toString(), again.toString()), ROOT, 300).orFail();
        assertThat(Sha256.of(again.resolve(name))).isEqualTo(Sha256.of(archive));
    }

    @Test
    void withoutAPackagedApplicationItSaysWhatToRun() {
        Path copy = dir.resolve("clone");
        Shell.run("mkdir", "-p", copy.resolve(".ci").toString()).orFail();
        Shell.run("cp", ROOT.resolve(".ci/release-archive").toString(), copy.resolve(".ci").toString()).orFail();
        Shell.Result r = Shell.run(List.of(copy.resolve(".ci/release-archive").toString()), copy, 60);
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err().strip()).contains("run './mvnw -B package -DskipTests' first").hasLineCount(1);
    }

    static String version() throws IOException {
        Properties p = new Properties();
        try (var in = Files.newInputStream(ROOT.resolve("target/classes/orodc-build.properties"))) {
            p.load(in);
        }
        return p.getProperty("version");
    }

    static List<String> installedPaths(String formula) {
        List<String> paths = new ArrayList<>();
        Matcher line = INSTALL_LINE.matcher(formula);
        while (line.find()) {
            Matcher quoted = QUOTED.matcher(line.group(1));
            while (quoted.find()) {
                paths.add(quoted.group(1));
            }
        }
        return paths;
    }

    private void rubySyntax(String formula) throws IOException {
        assertThat(Shell.available("ruby")).as("ruby is not installed: run .ci/install-deps test").isTrue();
        Path file = Files.createTempFile(dir, "orodc", ".rb");
        Files.writeString(file, formula);
        Shell.Result r = Shell.run(List.of("ruby", "-c", file.toString()), dir, 60);
        assertThat(r.exitCode()).as(r.out() + r.err()).isZero();
        assertThat(r.out()).contains("Syntax OK");
    }

    /** Runs the unpacked launcher with Java on PATH and no Docker engine to reach. */
    private Shell.Result launch(Path launcher, String... args) {
        List<String> command = new ArrayList<>(List.of(launcher.toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile());
        pb.environment().clear();
        pb.environment().putAll(Map.of(
                "PATH", Path.of(System.getProperty("java.home"), "bin") + ":/usr/bin:/bin",
                "HOME", dir.resolve("user-home").toString(),
                "ORODC_HOME", dir.resolve("orodc-home").toString(),
                "DOCKER_HOST", "unix://" + dir.resolve("no-docker.sock")));
        return Shell.run(pb, 120);
    }

    private static List<String> tree(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files.map(f -> root.relativize(f).toString()).sorted().toList();
        }
    }
}
