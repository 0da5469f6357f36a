package com.orodc.core.wsl;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Whether this Linux runs inside WSL, and what of Windows it can reach: where the Windows drives are mounted,
 * whether Windows programs can be started from here. Everything is read below {@link #root()} ("/" unless
 * {@value #ROOT_VARIABLE} names another directory, which tests use for a fake distribution).
 *
 * @param detected   {@code /proc/sys/fs/binfmt_misc/WSLInterop} exists or {@code /proc/version} names Microsoft
 * @param generation 2 for the WSL 2 virtual machine, 1 for the older translation layer
 * @param distro     {@code WSL_DISTRO_NAME}, empty when not set
 * @param driveMount where drive C: is {@code <driveMount>c}, as Linux names it ({@code [automount] root}, default {@code /mnt/})
 * @param interop    Windows programs can be run from here: registered with binfmt_misc and not turned off in wsl.conf
 * @param networking {@code [wsl2] networkingMode} as {@code wslinfo --networking-mode} tells it, empty when unknown
 */
public record WslEnvironment(Path root, boolean detected, int generation, String distro, String driveMount,
                             boolean interop, String networking) {
    public static final String ROOT_VARIABLE = "ORODC_WSL_ROOT";
    public static final String DEFAULT_DRIVE_MOUNT = "/mnt/";
    private static final String INTEROP = "proc/sys/fs/binfmt_misc/WSLInterop";
    // newer WSL registers the interpreter under this name when systemd would otherwise drop it
    private static final String INTEROP_LATE = "proc/sys/fs/binfmt_misc/WSLInterop-late";

    public static WslEnvironment detect(Map<String, String> environment) {
        String rootValue = environment.get(ROOT_VARIABLE);
        Path root = Path.of(rootValue == null || rootValue.isBlank() ? "/" : rootValue.strip());
        String version = read(root.resolve("proc/version")).orElse("");
        boolean interopRegistered = Files.exists(root.resolve(INTEROP)) || Files.exists(root.resolve(INTEROP_LATE));
        boolean detected = interopRegistered || version.toLowerCase(Locale.ROOT).contains("microsoft");
        if (!detected) {
            return new WslEnvironment(root, false, 0, "", DEFAULT_DRIVE_MOUNT, false, "");
        }
        // WSL 1 reports "...-Microsoft" (its own kernel version), WSL 2 a real kernel "...-microsoft-standard-WSL2"
        int generation = version.contains("-Microsoft") && !version.contains("WSL2") ? 1 : 2;
        WslConf conf = WslConf.parse(read(root.resolve("etc/wsl.conf")).orElse(""));
        String mount = normalizedMount(conf.value("automount", "root").orElse(DEFAULT_DRIVE_MOUNT));
        // binfmt_misc says "disabled" on its first line once someone turned the registration off (echo 0 > ...)
        boolean registrationOn = interopRegistered && !read(root.resolve(INTEROP)).or(() -> read(root.resolve(INTEROP_LATE)))
                .orElse("").startsWith("disabled");
        boolean interopOn = registrationOn && !conf.value("interop", "enabled").map(WslConf::isFalse).orElse(false);
        String distro = environment.getOrDefault("WSL_DISTRO_NAME", "").strip();
        return new WslEnvironment(root, true, generation, distro, mount, interopOn, "");
    }

    public boolean isWsl2() {
        return detected && generation == 2;
    }

    /** With the networking mode {@code wslinfo --networking-mode} printed. */
    public WslEnvironment withNetworking(String mode) {
        return new WslEnvironment(root, detected, generation, distro, driveMount, interop, mode == null ? "" : mode.strip());
    }

    /** A path as Linux names it, resolved below the root this model reads from. */
    public Path local(String linuxPath) {
        String relative = linuxPath.startsWith("/") ? linuxPath.substring(1) : linuxPath;
        return root.resolve(relative);
    }

    /** The Windows hosts file through the drive mount: {@code <mount>c/Windows/System32/drivers/etc/hosts}. */
    public Path windowsHostsFile() {
        return local(driveMount + "c/Windows/System32/drivers/etc/hosts");
    }

    /** {@code C:\Windows\System32\drivers\etc\hosts}, for messages and Windows programs. */
    public static final String WINDOWS_HOSTS = "C:\\Windows\\System32\\drivers\\etc\\hosts";

    /** Where Windows keeps its own programs, through the drive mount (interop may not have put them on PATH). */
    public Path windowsSystem32() {
        return local(driveMount + "c/Windows/System32");
    }

    /**
     * The Windows name of a Linux file: {@code C:\...} under the drive mount, otherwise the distribution's share
     * {@code \\wsl.localhost\<distro>\...} (what {@code wslpath -w} prints on current WSL).
     */
    public String windowsPath(Path file) {
        String linux = linuxName(file);
        if (linux.startsWith(driveMount) && linux.length() > driveMount.length()) {
            String rest = linux.substring(driveMount.length());
            int slash = rest.indexOf('/');
            String drive = slash < 0 ? rest : rest.substring(0, slash);
            if (drive.length() == 1 && Character.isLetter(drive.charAt(0))) {
                String tail = slash < 0 ? "" : rest.substring(slash + 1);
                return drive.toUpperCase(Locale.ROOT) + ":\\" + tail.replace('/', '\\');
            }
        }
        return "\\\\wsl.localhost\\" + distro + linux.replace('/', '\\');
    }

    /** The file's name as Linux inside the distribution sees it: below the fake root, without it. */
    private String linuxName(Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        Path base = root.toAbsolutePath().normalize();
        if (absolute.startsWith(base)) {
            return "/" + base.relativize(absolute).toString();
        }
        return absolute.toString();
    }

    /** One line for {@code orodc config} and proxy-status. */
    public String describe() {
        if (!detected) {
            return "no";
        }
        StringBuilder sb = new StringBuilder("WSL " + generation);
        if (!distro.isEmpty()) {
            sb.append(" (distribution ").append(distro).append(')');
        }
        sb.append(", Windows drives under ").append(driveMount);
        sb.append(interop ? ", Windows programs can run" : ", Windows programs cannot run (interop is off)");
        if (!networking.isEmpty()) {
            sb.append(", networking ").append(networking);
        }
        return sb.toString();
    }

    private static String normalizedMount(String value) {
        String v = value.strip();
        if (v.length() >= 2 && (v.startsWith("\"") && v.endsWith("\"") || v.startsWith("'") && v.endsWith("'"))) {
            v = v.substring(1, v.length() - 1).strip();
        }
        if (v.isEmpty() || !v.startsWith("/")) {
            return DEFAULT_DRIVE_MOUNT;
        }
        return v.endsWith("/") ? v : v + "/";
    }

    private static Optional<String> read(Path file) {
        try {
            if (!Files.isRegularFile(file) || Files.size(file) > 1_000_000) {
                return Optional.empty();
            }
            return Optional.of(Files.readString(file, StandardCharsets.ISO_8859_1));
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
