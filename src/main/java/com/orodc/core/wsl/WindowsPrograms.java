package com.orodc.core.wsl;

import com.orodc.core.ProgramRun;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The one place that starts Windows programs (certutil.exe, powershell.exe) and the WSL tools beside them
 * (wslpath, wslinfo). A program is looked up on PATH first (WSL appends the Windows PATH), then in
 * System32 through the drive mount. Everything around this class is tested with stand-ins on PATH.
 */
public final class WindowsPrograms {
    /** Windows waits for the user at a confirmation or elevation prompt: give them time to read it. */
    public static final Duration TIMEOUT = Duration.ofMinutes(5);
    /** What a Windows program says when the user answered No or closed a prompt (ERROR_CANCELLED, 1223). */
    private static final List<String> CANCELLED = List.of("error_cancelled", "0x800704c7", "canceled by the user",
            "cancelled by the user");

    /** The user said No to a Windows prompt (UAC or a certificate warning), as Windows reports ERROR_CANCELLED (1223). */
    public static boolean cancelled(ProgramRun run) {
        String text = (run.out() + "\n" + run.err()).toLowerCase(Locale.ROOT);
        return !run.ok() && (run.exitCode() == 1223 || CANCELLED.stream().anyMatch(text::contains));
    }

    private final WslEnvironment wsl;
    private final Map<String, String> environment;

    public WindowsPrograms(WslEnvironment wsl, Map<String, String> environment) {
        this.wsl = wsl;
        this.environment = environment;
    }

    public Optional<Path> find(String program) {
        String path = environment.getOrDefault("PATH", "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin");
        for (String dir : path.split(File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, program))) {
                return Optional.of(Path.of(dir, program));
            }
        }
        Path system32 = wsl.windowsSystem32();
        for (Path candidate : List.of(system32.resolve(program), system32.resolve("WindowsPowerShell/v1.0").resolve(program))) {
            if (Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** Runs {@code program} with {@code arguments}; a program that is missing, cannot start or hangs is a failed result. */
    public ProgramRun run(String program, List<String> arguments) {
        Optional<Path> found = find(program);
        if (found.isEmpty()) {
            return new ProgramRun(127, "", program + " not found on PATH nor in " + wsl.windowsSystem32());
        }
        List<String> command = new ArrayList<>();
        command.add(found.get().toString());
        command.addAll(arguments);
        // Windows programs write in the console's code page: ISO-8859-1 keeps every byte, the ASCII parts read right
        return ProgramRun.of(command, environment, TIMEOUT, StandardCharsets.ISO_8859_1);
    }

    /** The Windows name of a Linux file: {@code wslpath -w} when it is there, the drive mount rule otherwise. */
    public String windowsPath(Path file) {
        if (find("wslpath").isPresent()) {
            ProgramRun r = run("wslpath", List.of("-w", file.toAbsolutePath().toString()));
            String printed = r.out().strip();
            if (r.ok() && !printed.isEmpty() && !printed.contains("\n")) {
                return printed;
            }
        }
        return wsl.windowsPath(file);
    }

    /** {@code nat}, {@code mirrored}, ... as {@code wslinfo --networking-mode} prints it; empty when it cannot tell. */
    public String networkingMode() {
        if (find("wslinfo").isEmpty()) {
            return "";
        }
        ProgramRun r = run("wslinfo", List.of("--networking-mode"));
        return r.ok() ? r.out().strip().toLowerCase(Locale.ROOT) : "";
    }
}
