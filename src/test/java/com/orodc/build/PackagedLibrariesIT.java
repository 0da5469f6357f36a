package com.orodc.build;

import com.orodc.testing.Shell;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.DataInputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The libraries of the packaged application, as {@code ./mvnw package} leaves them: no class older than Java 6
 * (the start-up archive could not hold it), and picocli, rewritten for that, with every entry of its release
 * and every class one the JVM loads and verifies; and the command line's class path ({@code orodc.jar}, which the
 * launcher, the hosts-sync service and these tests run): Quarkus' one without Quarkus' runtime, and nothing the
 * application's classes refer to missing from it that Quarkus' class path has, checked with the JDK's jdeps.
 */
class PackagedLibrariesIT {
    private static final Path APP = Path.of("target/quarkus-app").toAbsolutePath();
    private static final Path LIB = APP.resolve("lib");
    /**
     * What only Quarkus' class path has, and rightly: the two classes of Quarkus' own entry (a CDI producer and
     * the annotation of the top command), and the back ends of JBoss Logging other than java.util.logging, which
     * the command line chooses ({@code org.jboss.logging.provider=jdk}).
     */
    private static final List<String> ONLY_FOR_QUARKUS = List.of("com.orodc.cli.CommandLineProducer ",
            "com.orodc.cli.OrodcCommand -> io.quarkus.picocli.runtime.annotations.", "org.jboss.logging.JBossLogManager",
            "org.jboss.logging.Slf4j");
    private static final int FIRST_WITH_FRAMES = 50;

    @Test
    void noPackagedClassIsOlderThanJava6() throws IOException {
        Map<String, Integer> old = new TreeMap<>();
        int classes = 0;
        for (Path jar : jars()) {
            try (ZipFile zip = new ZipFile(jar.toFile())) {
                for (ZipEntry entry : Collections.list(zip.entries())) {
                    if (entry.getName().endsWith(".class")) {
                        classes++;
                        int major = majorVersion(zip, entry);
                        if (major < FIRST_WITH_FRAMES) {
                            old.put(LIB.relativize(jar) + "!" + entry.getName(), major);
                        }
                    }
                }
            }
        }
        assertThat(classes).as("classes under %s", LIB).isGreaterThan(1000);
        assertThat(old.size()).as("classes with a class file version below 50 (run ./mvnw package), the first: %s",
                old.entrySet().stream().limit(5).toList()).isZero();
    }

    @Test
    void picocliHoldsWhatItsReleaseHoldsAndEveryClassVerifies() throws Exception {
        Path released = Path.of(CommandLine.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Path packaged = LIB.resolve("main").resolve("info.picocli." + released.getFileName());
        assertThat(packaged).exists();
        assertThat(entryNames(packaged)).isEqualTo(entryNames(released));
        assertThat(majorVersion(released, "picocli/CommandLine.class")).as("the release: Java 5").isEqualTo(49);
        assertThat(majorVersion(packaged, "picocli/CommandLine.class")).as("packaged: Java 8").isEqualTo(52);

        // initialising a class links it, and linking verifies it against its stack map frames
        List<String> failures = new ArrayList<>();
        int loaded = 0;
        try (URLClassLoader loader = new URLClassLoader(new URL[]{packaged.toUri().toURL()}, ClassLoader.getPlatformClassLoader())) {
            for (String name : entryNames(packaged)) {
                if (!name.endsWith(".class") || name.contains("module-info")) {
                    continue;
                }
                String className = name.substring(0, name.length() - ".class".length()).replace('/', '.');
                try {
                    Class.forName(className, true, loader);
                    loaded++;
                } catch (LinkageError e) {
                    failures.add(className + ": " + e);
                }
            }
        }
        assertThat(failures).isEmpty();
        assertThat(loaded).isGreaterThan(200);
    }

    @Test
    void theCommandLineClassPathIsQuarkusOneWithoutQuarkusRuntime() throws IOException {
        Attributes main = manifest(APP.resolve("orodc.jar"));
        assertThat(main.getValue(Attributes.Name.MAIN_CLASS)).isEqualTo("com.orodc.cli.Main");
        List<String> commandLine = classPath(main);
        List<String> quarkus = classPath(manifest(APP.resolve("quarkus-run.jar")));
        assertThat(commandLine).as("in Quarkus' order").isEqualTo(quarkus.stream().filter(commandLine::contains).toList());
        assertThat(commandLine).allSatisfy(entry -> assertThat(APP.resolve(entry)).isRegularFile());
        assertThat(commandLine).anyMatch(e -> e.startsWith("app/orodc-")).anyMatch(e -> e.contains("info.picocli.picocli-"))
                .anyMatch(e -> e.contains("io.quarkus.qute.qute-core-")).anyMatch(e -> e.contains("jib-core-"))
                .anyMatch(e -> e.contains("org.bouncycastle.bcpkix-"));
        assertThat(commandLine).noneMatch(e -> e.contains("io.quarkus.quarkus-core-") || e.contains("jboss-logmanager")
                || e.contains("io.quarkus.arc.arc-") || e.contains("smallrye-config-") || e.startsWith("quarkus/"));

        List<String> missingHere = missingReferences(commandLine);
        List<String> missingThere = missingReferences(quarkus);
        List<String> onlyHere = missingHere.stream().filter(r -> !missingThere.contains(r)).toList();
        assertThat(onlyHere).as("references that only Quarkus' class path resolves, as jdeps finds them")
                .isNotEmpty()
                .allSatisfy(r -> assertThat(ONLY_FOR_QUARKUS).anyMatch(r::startsWith));
    }

    /** "class -> missing class" lines of jdeps, following every reference from the application's jar. */
    private static List<String> missingReferences(List<String> classPath) {
        Path jdeps = Path.of(System.getProperty("java.home"), "bin", "jdeps");
        assertThat(jdeps).as("jdeps of the JDK running the tests").isExecutable();
        String app = classPath.stream().filter(e -> e.startsWith("app/")).findFirst().orElseThrow();
        String others = String.join(File.pathSeparator, classPath.stream().filter(e -> !e.equals(app)).toList());
        Shell.Result r = Shell.run(List.of(jdeps.toString(), "--multi-release", "17", "-R", "--missing-deps", "-cp", others,
                app), APP, 300);
        assertThat(r.exitCode()).as(r.err()).isZero();
        return r.out().lines().filter(l -> l.startsWith("   ") && l.contains("not found"))
                .map(l -> l.trim().split("\\s+")).map(f -> f[0] + " -> " + f[2]).distinct().toList();
    }

    private static Attributes manifest(Path jar) throws IOException {
        try (JarFile file = new JarFile(jar.toFile())) {
            return file.getManifest().getMainAttributes();
        }
    }

    private static List<String> classPath(Attributes main) {
        return List.of(main.getValue(Attributes.Name.CLASS_PATH).trim().split("\\s+"));
    }

    private static List<Path> jars() throws IOException {
        assertThat(LIB).as("the packaged application (run ./mvnw package)").isDirectory();
        try (Stream<Path> files = Files.walk(LIB)) {
            return files.filter(p -> p.toString().endsWith(".jar")).sorted().toList();
        }
    }

    private static List<String> entryNames(Path jar) throws IOException {
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            return Collections.list(zip.entries()).stream().map(ZipEntry::getName).toList();
        }
    }

    private static int majorVersion(Path jar, String entry) throws IOException {
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            return majorVersion(zip, zip.getEntry(entry));
        }
    }

    private static int majorVersion(ZipFile zip, ZipEntry entry) throws IOException {
        try (InputStream in = zip.getInputStream(entry); DataInputStream data = new DataInputStream(in)) {
            data.readInt();
            data.readUnsignedShort();
            return data.readUnsignedShort();
        }
    }
}
