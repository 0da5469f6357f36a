package com.orodc.build;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/**
 * A build step after packaging: writes {@code orodc.jar} beside Quarkus' {@code quarkus-run.jar}, a jar of a
 * manifest only, whose class path is Quarkus' one without Quarkus' own runtime, and whose main class is the
 * command line's entry, which starts no Quarkus.
 *
 * <p>Every run looks up services (the JDK's logger finder, the selector provider of a socket) in every jar of
 * its class path, and each jar opened costs its central directory: with Quarkus' 84 jars that was tens of
 * milliseconds of every command and a few megabytes of the hosts-sync daemon, for jars no command uses. What is
 * left out is named by the prefixes of Quarkus' jar file names ({@code groupId.artifactId}) given after the
 * folder; a jar no prefix names stays, so a new dependency is never left out by mistake.
 *
 * <p>Run with the JDK's source launcher: {@code java CommandLineJar.java QUARKUS_APP_DIR PREFIX...}.
 */
public final class CommandLineJar {
    static final String NAME = "orodc.jar";
    private static final String MAIN_CLASS = "com.orodc.cli.Main";
    /** Quarkus' own generated and transformed classes: only its entry uses them. */
    private static final String QUARKUS_FOLDER = "quarkus/";

    private CommandLineJar() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 1 || !Files.isRegularFile(Path.of(args[0], "quarkus-run.jar"))) {
            System.err.println("usage: CommandLineJar QUARKUS_APP_DIR [PREFIX...] (the folder of quarkus-run.jar)");
            System.exit(2);
        }
        Path app = Path.of(args[0]);
        List<String> leftOut = Arrays.asList(args).subList(1, args.length);
        String quarkusClassPath;
        try (JarFile runner = new JarFile(app.resolve("quarkus-run.jar").toFile())) {
            quarkusClassPath = runner.getManifest().getMainAttributes().getValue(Attributes.Name.CLASS_PATH);
        }
        if (quarkusClassPath == null) {
            throw new IllegalStateException(app.resolve("quarkus-run.jar") + " has no Class-Path in its manifest");
        }
        List<String> kept = new ArrayList<>();
        for (String entry : quarkusClassPath.trim().split("\\s+")) {
            String file = entry.substring(entry.lastIndexOf('/') + 1);
            if (!entry.startsWith(QUARKUS_FOLDER) && leftOut.stream().noneMatch(file::startsWith)) {
                kept.add(entry);
            }
        }
        Manifest manifest = new Manifest();
        Attributes main = manifest.getMainAttributes();
        main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        main.put(Attributes.Name.MAIN_CLASS, MAIN_CLASS);
        main.put(Attributes.Name.CLASS_PATH, String.join(" ", kept));
        Path jar = app.resolve(NAME);
        Path next = app.resolve("." + NAME + ".writing");
        try (OutputStream file = Files.newOutputStream(next); JarOutputStream out = new JarOutputStream(file, manifest)) {
            out.flush();
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(next);
            throw e;
        }
        Files.move(next, jar, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
