package com.orodc.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * A JRE image for the CLI image tests, made here instead of pulled: a jlink runtime of the JDK the tests run on
 * (from the distribution's packages here) with the system libraries it links, static busybox for a shell, and a
 * {@code /tmp} every user may write (the JVM keeps its perf data there).
 */
public final class LocalJreImage {
    public static final String TAG = "orodc-test/jre:" + Runtime.version().feature();

    private LocalJreImage() {
    }

    public static synchronized String build() {
        return LocalImages.ensure(TAG, LocalJreImage::writeRootfs, List.of(
                "--change", "ENV PATH=/opt/java/bin:/usr/bin:/bin",
                "--change", "ENV JAVA_HOME=/opt/java",
                "--change", "CMD [\"java\", \"-version\"]"));
    }

    private static void writeRootfs(Path root) throws IOException {
        Path jlink = Path.of(System.getProperty("java.home"), "bin", "jlink");
        if (!Files.isExecutable(jlink)) {
            throw new AssertionError("no jlink at " + jlink + ": run the tests on a full JDK (Debian: apt-get install"
                    + " openjdk-17-jdk-headless, as .ci/install-deps does)");
        }
        Path java = root.resolve("opt/java");
        Files.createDirectories(java.getParent());
        Shell.run(List.of(jlink.toString(), "--add-modules", "ALL-MODULE-PATH", "--strip-debug", "--no-header-files",
                "--no-man-pages", "--output", java.toString()), null, 300).orFail();
        try (Stream<Path> files = Files.walk(java)) {
            for (Path f : files.filter(Files::isRegularFile).filter(LocalJreImage::isElf).toList()) {
                copyLinkedLibraries(f, root);
            }
        }
        LocalImages.addBusybox(root);
        Files.createDirectories(root.resolve("etc"));
        Files.writeString(root.resolve("etc/nsswitch.conf"), "hosts: files dns\n");
        Files.writeString(root.resolve("etc/passwd"), "root:x:0:0:root:/root:/bin/sh\n");
        Files.writeString(root.resolve("etc/group"), "root:x:0:\n");
        Files.createDirectories(root.resolve("tmp"));
        Shell.run("chmod", "1777", root.resolve("tmp").toString()).orFail();
    }

    private static boolean isElf(Path f) {
        try (var in = Files.newInputStream(f)) {
            byte[] magic = in.readNBytes(4);
            return magic.length == 4 && magic[0] == 0x7f && magic[1] == 'E' && magic[2] == 'L' && magic[3] == 'F';
        } catch (IOException e) {
            return false;
        }
    }

    /** The libraries outside the runtime that {@code ldd} says {@code elf} links, at the same paths. */
    private static void copyLinkedLibraries(Path elf, Path root) throws IOException {
        Shell.Result ldd = Shell.run("ldd", elf.toString());
        for (String line : ldd.out().lines().toList()) {
            String[] words = line.strip().split("\\s+");
            for (String word : words) {
                if (word.startsWith("/") && !word.startsWith(root.toString())) {
                    Path library = Path.of(word);
                    Path target = root.resolve(word.substring(1));
                    if (Files.exists(library) && !Files.exists(target)) {
                        Files.createDirectories(target.getParent());
                        Files.copy(library.toRealPath(), target);
                    }
                }
            }
        }
    }
}
