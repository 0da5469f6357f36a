package com.orodc.certs.trust;

import com.orodc.core.ProcessUser;
import com.orodc.core.wsl.WindowsPrograms;
import com.orodc.core.wsl.WslEnvironment;

import java.io.File;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Where the trust stores of this machine are, read from the run's environment. Every location can be
 * overridden, for tests and unusual layouts.
 */
public record TrustEnvironment(Map<String, String> variables, String osName) {
    public static final String DEBIAN_DIR = "ORODC_TRUST_DEBIAN_DIR";
    public static final String RHEL_DIR = "ORODC_TRUST_RHEL_DIR";
    public static final String SYSTEM_UPDATE = "ORODC_TRUST_SYSTEM_UPDATE";
    public static final String NSS_DBS = "ORODC_TRUST_NSS_DBS";
    public static final String JAVA_CACERTS = "ORODC_TRUST_JAVA_CACERTS";
    public static final String JAVA_PASSWORD = "ORODC_TRUST_JAVA_PASSWORD";

    public static TrustEnvironment of(Map<String, String> variables) {
        return new TrustEnvironment(variables, System.getProperty("os.name", ""));
    }

    public boolean isLinux() {
        return osName.toLowerCase(Locale.ROOT).startsWith("linux");
    }

    public boolean isMacOs() {
        return osName.toLowerCase(Locale.ROOT).startsWith("mac");
    }

    /** Whether this process may write system locations (the keychain asks for it up front). */
    public boolean isRoot() {
        return ProcessUser.isRoot();
    }

    public Optional<String> get(String name) {
        String value = variables.get(name);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
    }

    public Optional<Path> path(String name) {
        return get(name).map(Path::of);
    }

    /** A list of paths separated like PATH. */
    public Optional<List<Path>> paths(String name) {
        return get(name).map(v -> Arrays.stream(v.split(File.pathSeparator)).filter(s -> !s.isBlank())
                .map(s -> Path.of(s.strip())).toList());
    }

    /** A command line split at whitespace (the override is meant for plain paths and flags). */
    public Optional<List<String>> command(String name) {
        return get(name).map(v -> List.of(v.split("\\s+")));
    }

    public Optional<Path> home() {
        return path("HOME");
    }

    /** Whether this is WSL and what of Windows it reaches, read from these variables. */
    public WslEnvironment wsl() {
        return WslEnvironment.detect(variables);
    }

    WindowsPrograms windowsPrograms(WslEnvironment wsl) {
        return new WindowsPrograms(wsl, variables);
    }

    ExternalProgram programs() {
        return new ExternalProgram(variables);
    }
}
