package com.orodc.build;

import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Opcodes;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * A build step after packaging: rewrites the classes of the packaged libraries that are older than Java 6 (class
 * file version below 50) as Java 8 class files, with stack map frames, and leaves everything else as it is.
 *
 * <p>The JVM's class data sharing skips classes older than Java 6, so the launcher's start-up archive cannot hold
 * them and every run loads and verifies them again from the jar. picocli is compiled for Java 5: its classes
 * alone were about a third of a {@code --help}. A jar without such classes is not touched; a jar is replaced
 * only once it has been written whole beside it.
 *
 * <p>Run with the JDK's source launcher and ASM on the class path: {@code java -cp asm.jar
 * ClassFileUpgrade.java LIB_DIR}.
 */
public final class ClassFileUpgrade {
    private static final int FIRST_WITH_FRAMES = 50;

    private ClassFileUpgrade() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 1 || !Files.isDirectory(Path.of(args[0]))) {
            System.err.println("usage: ClassFileUpgrade LIB_DIR (the packaged application's library folder)");
            System.exit(2);
        }
        List<Path> jars;
        try (Stream<Path> files = Files.walk(Path.of(args[0]))) {
            jars = files.filter(p -> p.toString().endsWith(".jar")).sorted().toList();
        }
        // the hierarchy of the classes being rewritten is looked up in all libraries, which may extend each other
        try (URLClassLoader hierarchy = new URLClassLoader(urls(jars), ClassLoader.getPlatformClassLoader())) {
            for (Path jar : jars) {
                upgrade(jar, hierarchy);
            }
        }
    }

    private static void upgrade(Path jar, ClassLoader hierarchy) throws IOException {
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            List<? extends ZipEntry> entries = Collections.list(zip.entries());
            boolean any = false;
            for (ZipEntry entry : entries) {
                if (isClass(entry) && majorVersion(head(zip, entry)) < FIRST_WITH_FRAMES) {
                    any = true;
                    break;
                }
            }
            if (!any) {
                return;
            }
            Path next = jar.resolveSibling("." + jar.getFileName() + ".upgrading");
            List<String> kept = new ArrayList<>();
            try (OutputStream file = Files.newOutputStream(next); ZipOutputStream out = new ZipOutputStream(file)) {
                for (ZipEntry entry : entries) {
                    byte[] bytes = read(zip, entry);
                    if (isClass(entry) && majorVersion(bytes) < FIRST_WITH_FRAMES) {
                        try {
                            bytes = asJava8(bytes, hierarchy);
                        } catch (RuntimeException e) {
                            // ASM cannot compute frames for every old class (JSR/RET): such a class stays as it was
                            kept.add(entry.getName() + " (" + e + ")");
                        }
                    }
                    ZipEntry copy = new ZipEntry(entry.getName());
                    copy.setTime(entry.getTime());
                    out.putNextEntry(copy);
                    out.write(bytes);
                    out.closeEntry();
                }
            } catch (IOException | RuntimeException e) {
                Files.deleteIfExists(next);
                throw e;
            }
            Files.move(next, jar, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            // silent when all went well: the launcher's first run builds with this, and says only that it builds
            for (String name : kept) {
                System.err.println("[WARNING] " + jar.getFileName() + ": left as it was: " + name);
            }
        }
    }

    private static byte[] asJava8(byte[] bytes, ClassLoader hierarchy) {
        ClassReader reader = new ClassReader(bytes);
        ClassWriter writer = new ClassWriter(ClassWriter.COMPUTE_FRAMES) {
            @Override
            protected ClassLoader getClassLoader() {
                return hierarchy;
            }
        };
        reader.accept(new ClassVisitor(Opcodes.ASM9, writer) {
            @Override
            public void visit(int version, int access, String name, String signature, String superName,
                              String[] interfaces) {
                super.visit(Opcodes.V1_8, access, name, signature, superName, interfaces);
            }
        }, 0);
        return writer.toByteArray();
    }

    private static boolean isClass(ZipEntry entry) {
        return !entry.isDirectory() && entry.getName().endsWith(".class");
    }

    /** The major version of a class file: bytes 6 and 7, after the magic number and the minor version. */
    private static int majorVersion(byte[] classFile) {
        return classFile.length < 8 ? Integer.MAX_VALUE : ((classFile[6] & 0xff) << 8) | (classFile[7] & 0xff);
    }

    /** The first 8 bytes, which hold the version: most jars have no old class, and are only read this far. */
    private static byte[] head(ZipFile zip, ZipEntry entry) throws IOException {
        try (InputStream in = zip.getInputStream(entry)) {
            return in.readNBytes(8);
        }
    }

    private static byte[] read(ZipFile zip, ZipEntry entry) throws IOException {
        try (InputStream in = zip.getInputStream(entry)) {
            return in.readAllBytes();
        }
    }

    private static URL[] urls(List<Path> jars) {
        return jars.stream().map(p -> {
            try {
                return p.toUri().toURL();
            } catch (MalformedURLException e) {
                throw new UncheckedIOException(e);
            }
        }).toArray(URL[]::new);
    }
}
