package com.orodc.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A WSL 2 distribution in a directory, for the tests (nothing of Windows runs here): {@code /proc/version} of the
 * WSL 2 kernel, the WSLInterop registration, a drive mount {@code mnt/c} holding the Windows hosts file as Windows
 * ships it (CRLF), and a bin directory with the stand-in Windows programs ({@code certutil.exe},
 * {@code powershell.exe}) from {@code src/test/resources/wsl/bin}, which record every call in {@link #log}.
 */
public final class FakeWsl {
    public static final String WINDOWS_HOSTS = "# Copyright (c) 1993-2009 Microsoft Corp.\r\n#\r\n"
            + "# This is a sample HOSTS file used by Microsoft TCP/IP for Windows.\r\n#\r\n"
            + "# localhost name resolution is handled within DNS itself.\r\n"
            + "#\t127.0.0.1       localhost\r\n#\t::1             localhost\r\n"
            + "10.0.0.5 intranet.example   # added by me\r\n";
    public static final String DISTRO = "Ubuntu-24.04";
    private static final List<String> PROGRAMS = List.of("certutil.exe", "powershell.exe");

    public final Path root;
    public final Path bin;
    public final Path log;
    public final Path certStore;
    public final Path windowsHosts;
    public final Path aclFile;

    public FakeWsl(Path dir) {
        root = dir.resolve("wsl-root");
        bin = dir.resolve("windows-bin");
        log = dir.resolve("windows-calls.log");
        certStore = dir.resolve("windows-root-store.txt");
        aclFile = dir.resolve("windows-hosts-acl.txt");
        windowsHosts = root.resolve("mnt/c/Windows/System32/drivers/etc/hosts");
        try {
            write(root.resolve("proc/version"), "Linux version 5.15.167.4-microsoft-standard-WSL2 (root@f9c826d3017f) "
                    + "(gcc (GCC) 11.2.0, GNU ld (GNU Binutils) 2.37) #1 SMP Tue Nov 5 00:21:55 UTC 2024\n");
            write(root.resolve("proc/sys/fs/binfmt_misc/WSLInterop"), "enabled\ninterpreter /init\nflags: PF\noffset 0\nmagic 4d5a\n");
            write(windowsHosts, WINDOWS_HOSTS);
            Files.createDirectories(bin);
            for (String program : PROGRAMS) {
                try (InputStream in = FakeWsl.class.getResourceAsStream("/wsl/bin/" + program)) {
                    if (in == null) {
                        throw new IllegalStateException("stand-in " + program + " missing from the test resources");
                    }
                    Path target = bin.resolve(program);
                    Files.write(target, in.readAllBytes());
                    Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rwxr-xr-x"));
                }
            }
            Files.writeString(log, "");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A /proc/version of plain Linux and no WSLInterop: the same tree, not WSL. */
    public FakeWsl notWsl() {
        try {
            write(root.resolve("proc/version"), "Linux version 6.8.0-45-generic (buildd@lcy02-amd64-115) #45-Ubuntu SMP\n");
            Files.deleteIfExists(root.resolve("proc/sys/fs/binfmt_misc/WSLInterop"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    public FakeWsl wslConf(String text) {
        write(root.resolve("etc/wsl.conf"), text);
        return this;
    }

    /** The variables that point orodc and the stand-ins at this tree, with the stand-ins first on PATH. */
    public Map<String, String> environment() {
        Map<String, String> env = new HashMap<>();
        env.put("PATH", bin + ":" + System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
        env.put("ORODC_WSL_ROOT", root.toString());
        env.put("WSL_DISTRO_NAME", DISTRO);
        env.put("STANDIN_LOG", log.toString());
        env.put("STANDIN_CERTUTIL_STORE", certStore.toString());
        env.put("STANDIN_HOSTS_ACL", aclFile.toString());
        return env;
    }

    /** Each call a stand-in received, one per line: the program name and its arguments. */
    public List<String> calls() {
        try {
            return Files.readAllLines(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public List<String> storeLines() {
        try {
            return Files.exists(certStore) ? Files.readAllLines(certStore, StandardCharsets.UTF_8) : List.of();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text, StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
