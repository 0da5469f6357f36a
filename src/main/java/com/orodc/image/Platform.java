package com.orodc.image;

import com.orodc.core.OrodcException;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;

/** The architectures the proxy image is built for, with the names each upstream project uses for them. */
public enum Platform {
    AMD64("amd64", "x86_64", 0x3E),
    ARM64("arm64", "aarch64", 0xB7);

    private final String architecture;
    private final String s6Architecture;
    private final int elfMachine;

    Platform(String architecture, String s6Architecture, int elfMachine) {
        this.architecture = architecture;
        this.s6Architecture = s6Architecture;
        this.elfMachine = elfMachine;
    }

    public String os() {
        return "linux";
    }

    /** Docker's and Traefik's name: amd64, arm64. */
    public String architecture() {
        return architecture;
    }

    /** s6-overlay's name: x86_64, aarch64. */
    public String s6Architecture() {
        return s6Architecture;
    }

    /** The e_machine field of this architecture's ELF binaries. */
    public int elfMachine() {
        return elfMachine;
    }

    public String id() {
        return os() + "/" + architecture;
    }

    public static Platform parse(String text) {
        String t = text.strip().toLowerCase(Locale.ROOT);
        for (Platform p : values()) {
            if (t.equals(p.id()) || t.equals(p.architecture) || t.equals(p.s6Architecture)) {
                return p;
            }
        }
        throw OrodcException.usage("unknown platform '" + text + "': use linux/amd64 or linux/arm64");
    }

    /** Platforms in the order given, without repeats: the order decides the manifest list, hence its digest. */
    public static List<Platform> parseAll(List<String> texts) {
        LinkedHashSet<Platform> platforms = new LinkedHashSet<>();
        for (String text : texts) {
            for (String part : text.split(",")) {
                if (!part.isBlank()) {
                    platforms.add(parse(part));
                }
            }
        }
        return List.copyOf(platforms);
    }

    public static List<Platform> all() {
        return List.of(values());
    }

    /** The architecture of this machine, which is what the local Docker engine runs. */
    public static Platform host() {
        String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
        return arch.equals("aarch64") || arch.equals("arm64") ? ARM64 : AMD64;
    }
}
