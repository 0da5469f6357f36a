package com.orodc.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Images the tests need, made on this machine from Debian packages: nothing is pulled.
 * Builds are serialised across test JVMs with a file lock.
 */
public final class LocalImages {
    public static final String BUSYBOX = "orodc-test/busybox:1";
    private static final Pattern LIBRARY = Pattern.compile("(/\\S+\\.so[.0-9]*)");

    private LocalImages() {
    }

    /** A minimal amd64 image: static busybox and its applet links; {@code sh}, {@code httpd}, {@code sleep}... */
    public static synchronized String busybox() {
        return ensure(BUSYBOX, dir -> {
            addBusybox(dir);
            Files.createDirectories(dir.resolve("etc"));
            Files.writeString(dir.resolve("etc/nsswitch.conf"), "hosts: files dns\n");
            Files.createDirectories(dir.resolve("tmp"));
        }, List.of("--change", "CMD [\"/bin/sh\"]"));
    }

    /** This machine's static busybox as {@code /bin/busybox} of a root file system, with a link per applet. */
    public static void addBusybox(Path root) throws IOException {
        Path busybox = HostTools.busybox();
        Path bin = Files.createDirectories(root.resolve("bin"));
        Files.copy(busybox, bin.resolve("busybox"));
        bin.resolve("busybox").toFile().setExecutable(true, false);
        for (String applet : Shell.run(busybox.toString(), "--list").orFail().out().split("\\s+")) {
            if (!applet.isBlank() && !applet.equals("busybox")) {
                Files.createSymbolicLink(bin.resolve(applet), Path.of("busybox"));
            }
        }
    }

    @FunctionalInterface
    public interface RootfsWriter {
        void write(Path rootfs) throws IOException;
    }

    /** Builds {@code tag} by {@code docker import} of a root file system when the engine does not have it. */
    public static String ensure(String tag, RootfsWriter writer, List<String> importChanges) {
        if (exists(tag)) {
            return tag;
        }
        Path lockFile = Path.of(System.getProperty("java.io.tmpdir"), "orodc-test-images.lock");
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             FileLock ignored = channel.lock()) {
            if (exists(tag)) {
                return tag;
            }
            Path rootfs = Files.createTempDirectory("orodc-rootfs");
            writer.write(rootfs);
            Path tar = Files.createTempFile("orodc-rootfs", ".tar");
            Shell.run("tar", "-C", rootfs.toString(), "-cf", tar.toString(), ".").orFail();
            List<String> cmd = new ArrayList<>(List.of("docker", "import"));
            cmd.addAll(importChanges);
            cmd.addAll(List.of(tar.toString(), tag));
            Shell.run(cmd).orFail();
            Shell.run("rm", "-rf", rootfs.toString(), tar.toString());
            return tag;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Copies a dynamically linked program of this machine into a root file system, with what {@code ldd} says it links. */
    public static void copyWithLibraries(Path program, Path root) throws IOException {
        Path copy = root.resolve(program.toString().substring(1));
        Files.createDirectories(copy.getParent());
        Files.copy(program, copy);
        Matcher m = LIBRARY.matcher(Shell.run("ldd", program.toString()).orFail().out());
        while (m.find()) {
            Path library = Path.of(m.group(1));
            Path target = root.resolve(library.toString().substring(1));
            if (!Files.exists(target)) {
                Files.createDirectories(target.getParent());
                Files.copy(library.toRealPath(), target);
            }
        }
    }

    public static boolean exists(String tag) {
        return Shell.run("docker", "image", "inspect", tag).exitCode() == 0;
    }
}
