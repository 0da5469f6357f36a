package com.orodc.build;

import com.orodc.testing.Shell;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The start-up archive of the {@code ./orodc} launcher, with the real launcher and the Java running the tests:
 * made by a command's first run, mapped by the next, made again when it was damaged or the jar changed, and
 * never a change to what a run prints or returns.
 */
class LauncherArchiveIT {
    private static final Path LAUNCHER = Path.of("orodc").toAbsolutePath();
    private static final Path JAR = Path.of("target/quarkus-app/orodc.jar").toAbsolutePath();
    /** A command class: in a run's class log it says where the application's own classes came from. */
    private static final String APP_CLASS = "com.orodc.cli.VersionText source: ";
    private static final Duration ARCHIVE_WAIT = Duration.ofSeconds(120);

    @TempDir
    Path tmp;
    Path cache;

    @BeforeEach
    void fresh() throws IOException {
        cache = Files.createDirectories(tmp.resolve("cache"));
        Files.createDirectories(tmp.resolve("home"));
        Files.createDirectories(tmp.resolve("orodc-home"));
    }

    @Test
    void theFirstRunOfACommandMakesTheArchiveAndTheNextOneUsesIt() throws IOException {
        Shell.Result without = run(Map.of("ORODC_CDS", "0"), "--version");
        assertThat(without.exitCode()).as(without.err()).isZero();
        assertThat(archives()).as("ORODC_CDS=0 makes no archive").isEmpty();

        Shell.Result first = run(Map.of(), "--version");
        Path archive = awaitArchive("version");
        Shell.Result second = run(Map.of(), "--version");
        assertSameRun(first, without);
        assertSameRun(second, without);

        assertThat(appClassSource(Map.of())).as("the second run maps the archive").startsWith("shared objects file");
        assertThat(appClassSource(Map.of("ORODC_CDS", "0"))).as("without it, from the jar").startsWith("file:");
        assertThat(archive).exists();
    }

    @Test
    void theHelpArchiveHoldsTheCommandLineLibraryToo() throws IOException {
        // picocli is released as Java 5 class files, which no archive holds; the packaged ones are rewritten
        run(Map.of(), "--help");
        awaitArchive("orodc");
        List<String> picocli = classLoadLog(Map.of(), "--help").stream().filter(l -> l.contains("] picocli.")).toList();
        assertThat(picocli).as("picocli classes loaded by --help").hasSizeGreaterThan(100);
        assertThat(picocli).as("picocli classes not mapped from the archive")
                .filteredOn(l -> !l.contains("source: shared objects file")).isEmpty();
    }

    @Test
    void outputAndExitCodesAreTheSameWithAndWithoutTheArchive() {
        // a Docker endpoint where nothing listens: proxy-status reports it and exits 3, without touching any engine
        Map<String, String> noDocker = Map.of("DOCKER_HOST", "unix://" + tmp.resolve("no-docker.sock"));
        List<List<String>> commands = List.of(List.of("proxy-status"), List.of("config", "--no-such-option"),
                List.of("--help"), List.of("--version"));
        for (List<String> command : commands) {
            String[] args = command.toArray(String[]::new);
            Shell.Result reference = run(with(noDocker, "ORODC_CDS", "0"), args);
            Shell.Result recording = run(noDocker, args);
            awaitArchive(command.equals(List.of("--version")) ? "version" : command.get(0).startsWith("-") ? "orodc" : command.get(0));
            Shell.Result mapped = run(noDocker, args);
            assertSameRun(recording, reference);
            assertSameRun(mapped, reference);
        }
        assertThat(run(with(noDocker, "ORODC_CDS", "0"), "proxy-status").exitCode()).isEqualTo(3);
        assertThat(run(Map.of(), "config", "--no-such-option").exitCode()).isEqualTo(2);
    }

    @Test
    void aTruncatedArchiveIsIgnoredAndMadeAgain() throws IOException {
        Shell.Result reference = run(Map.of("ORODC_CDS", "0"), "--version");
        run(Map.of(), "--version");
        Path archive = awaitArchive("version");
        byte[] whole = Files.readAllBytes(archive);
        // what a full disk or a crash leaves: the start of a valid archive (mapped as it is, it crashes the JVM)
        writeKeepingWritable(archive, Arrays.copyOf(whole, whole.length / 3));

        assertSameRun(run(Map.of(), "--version"), reference);
        awaitArchive("version");
        assertThat(Files.size(archive)).as("made again").isEqualTo(whole.length);
        assertThat(appClassSource(Map.of())).startsWith("shared objects file");
        assertSameRun(run(Map.of(), "--version"), reference);
    }

    @Test
    void anArchiveOverwrittenWithOtherBytesIsIgnored() throws IOException {
        Shell.Result reference = run(Map.of("ORODC_CDS", "0"), "--version");
        run(Map.of(), "--version");
        Path archive = awaitArchive("version");
        FileTime kept = Files.getLastModifiedTime(archive);
        long size = Files.size(archive);

        // the same size, written later: the launcher sees it is not the archive it kept, and makes a new one
        writeKeepingWritable(archive, new byte[(int) size]);
        Files.setLastModifiedTime(archive, FileTime.from(kept.toInstant().plusSeconds(5)));
        assertSameRun(run(Map.of(), "--version"), reference);
        awaitArchive("version");
        assertThat(appClassSource(Map.of())).startsWith("shared objects file");

        // the same size and the same time as the one kept: the JVM refuses to map it, and the run goes on without
        byte[] other = new byte[(int) Files.size(archive)];
        Arrays.fill(other, (byte) 0x5a);
        FileTime now = Files.getLastModifiedTime(archive);
        writeKeepingWritable(archive, other);
        Files.setLastModifiedTime(archive, now);
        assertSameRun(run(Map.of(), "--version"), reference);
        assertThat(appClassSource(Map.of())).startsWith("file:");
    }

    @Test
    void aChangedJarMakesANewArchive() throws IOException {
        run(Map.of(), "--version");
        Path archive = awaitArchive("version");
        String idsBefore = Files.readString(ids(archive));
        FileTime built = Files.getLastModifiedTime(JAR);
        try {
            // a new build of the same path: another mtime
            Files.setLastModifiedTime(JAR, FileTime.from(built.toInstant().plusSeconds(7)));
            Shell.Result changed = run(Map.of(), "--version");
            assertThat(changed.exitCode()).as(changed.err()).isZero();
            awaitArchive("version");
            assertThat(Files.readString(ids(archive))).as("recorded for the new jar").isNotEqualTo(idsBefore);
            assertThat(appClassSource(Map.of())).startsWith("shared objects file");
        } finally {
            Files.setLastModifiedTime(JAR, built);
        }
    }

    private Shell.Result run(Map<String, String> extra, String... args) {
        ProcessBuilder pb = new ProcessBuilder(Stream.concat(Stream.of(LAUNCHER.toString()), Stream.of(args)).toList());
        pb.directory(tmp.toFile());
        Map<String, String> env = pb.environment();
        env.clear();
        env.put("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
        env.put("HOME", tmp.resolve("home").toString());
        env.put("JAVA_HOME", System.getProperty("java.home"));
        env.put("XDG_CACHE_HOME", cache.toString());
        env.put("ORODC_HOME", tmp.resolve("orodc-home").toString());
        env.putAll(extra);
        return Shell.run(pb, 180);
    }

    /** Where the second of two runs loaded the application's command class from. */
    private String appClassSource(Map<String, String> extra) throws IOException {
        return classLoadLog(extra, "--version").stream().filter(l -> l.contains(APP_CLASS))
                .map(l -> l.substring(l.indexOf(APP_CLASS) + APP_CLASS.length())).findFirst()
                .orElseThrow(() -> new AssertionError("no " + APP_CLASS + "in the class log"));
    }

    /** The JVM's class loading log of one successful run: a line per class, with where it came from. */
    private List<String> classLoadLog(Map<String, String> extra, String... args) throws IOException {
        Path log = tmp.resolve("classes.txt");
        Files.deleteIfExists(log);
        Shell.Result r = run(with(extra, "ORODC_JAVA_OPTS", "-Xlog:class+load=info:file=" + log), args);
        assertThat(r.exitCode()).as(r.err()).isZero();
        return Files.readAllLines(log);
    }

    /** The archive of a command word once it is kept (JDK 24+ makes it in the background after the run). */
    private Path awaitArchive(String word) {
        Instant deadline = Instant.now().plus(ARCHIVE_WAIT);
        while (Instant.now().isBefore(deadline)) {
            Optional<Path> kept = archives().stream()
                    .filter(p -> p.getFileName().toString().startsWith(word + "."))
                    .filter(p -> Files.exists(ids(p)))
                    .findFirst();
            if (kept.isPresent() && idsMatch(kept.get())) {
                return kept.get();
            }
            sleep();
        }
        throw new AssertionError("no archive for '" + word + "' under " + cache + " after " + ARCHIVE_WAIT + ": " + archives());
    }

    private List<Path> archives() {
        Path start = cache.resolve("orodc/start");
        if (!Files.isDirectory(start)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(start)) {
            return files.filter(p -> p.toString().endsWith(".cds") || p.toString().endsWith(".aot")).toList();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    /** The ids file names the archive as it is now: mtime and size, the line the launcher compares. */
    private static boolean idsMatch(Path archive) {
        try {
            String[] lines = Files.readString(ids(archive)).split("\n");
            return lines.length == 2 && lines[1].equals(
                    Files.getLastModifiedTime(archive).toInstant().getEpochSecond() + " " + Files.size(archive));
        } catch (IOException e) {
            return false;
        }
    }

    private static Path ids(Path archive) {
        return archive.resolveSibling(archive.getFileName() + ".ids");
    }

    private static void writeKeepingWritable(Path file, byte[] bytes) throws IOException {
        // the JVM writes its archives read-only
        file.toFile().setWritable(true, true);
        Files.write(file, bytes);
    }

    private static void assertSameRun(Shell.Result actual, Shell.Result expected) {
        assertThat(actual.exitCode()).as("exit code; stderr: %s", actual.err()).isEqualTo(expected.exitCode());
        assertThat(actual.out()).as("stdout").isEqualTo(expected.out());
        assertThat(actual.err()).as("stderr").isEqualTo(expected.err());
    }

    private static Map<String, String> with(Map<String, String> base, String key, String value) {
        var copy = new HashMap<>(base);
        copy.put(key, value);
        return copy;
    }

    private static void sleep() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
