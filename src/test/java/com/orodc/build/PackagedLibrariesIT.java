package com.orodc.build;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.DataInputStream;
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
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The libraries of the packaged application, as {@code ./mvnw package} leaves them: no class older than Java 6
 * (the start-up archive could not hold it), and picocli, rewritten for that, with every entry of its release
 * and every class one the JVM loads and verifies.
 */
class PackagedLibrariesIT {
    private static final Path LIB = Path.of("target/quarkus-app/lib").toAbsolutePath();
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
