package com.orodc.workflow.dnsservice;

import com.orodc.core.ExitCode;
import com.orodc.core.OrodcException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Starts, stops and asks the service manager about the hosts sync service (systemctl or launchctl). */
final class DnsServiceControl {
    private static final long TIMEOUT_SECONDS = 60;

    record Outcome(int exitCode, String output) {
    }

    private final DnsServicePlatform platform;

    DnsServiceControl(DnsServicePlatform platform) {
        this.platform = platform;
    }

    List<List<String>> startCommands() {
        return switch (platform) {
            case LINUX_SYSTEMD -> List.of(List.of("systemctl", "daemon-reload"),
                    List.of("systemctl", "enable", "--now", "orodc-dns-sync.service"));
            case MACOS_LAUNCHD -> List.of(List.of("launchctl", "bootstrap", "system", platform.serviceFile().toString()));
        };
    }

    List<List<String>> stopCommands() {
        return switch (platform) {
            case LINUX_SYSTEMD -> List.of(List.of("systemctl", "disable", "--now", "orodc-dns-sync.service"));
            case MACOS_LAUNCHD -> List.of(List.of("launchctl", "bootout", "system/com.orodc.dns-sync"));
        };
    }

    void start() {
        for (List<String> command : startCommands()) {
            Outcome outcome = run(command);
            if (outcome.exitCode() != 0) {
                throw new OrodcException(ExitCode.FAILURE, "'" + String.join(" ", command) + "' failed (exit "
                        + outcome.exitCode() + "): " + firstLine(outcome.output()) + "; see the service log");
            }
        }
    }

    /** Stops and disables; a service that was not loaded is not an error. */
    void stop() {
        for (List<String> command : stopCommands()) {
            run(command);
        }
        if (platform == DnsServicePlatform.LINUX_SYSTEMD) {
            run(List.of("systemctl", "daemon-reload"));
        }
    }

    boolean isActive() {
        return switch (platform) {
            case LINUX_SYSTEMD -> run(List.of("systemctl", "is-active", "--quiet", "orodc-dns-sync.service")).exitCode() == 0;
            case MACOS_LAUNCHD -> run(List.of("launchctl", "print", "system/com.orodc.dns-sync")).output().contains("state = running");
        };
    }

    static Outcome run(List<String> command) {
        try {
            Process process = new ProcessBuilder(new ArrayList<>(command)).redirectErrorStream(true).start();
            process.getOutputStream().close();
            byte[] out = process.getInputStream().readAllBytes();
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return new Outcome(-1, String.join(" ", command) + " did not finish in " + TIMEOUT_SECONDS + " s");
            }
            return new Outcome(process.exitValue(), new String(out, StandardCharsets.UTF_8));
        } catch (IOException e) {
            return new Outcome(-1, e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Outcome(-1, "interrupted");
        }
    }

    private static String firstLine(String text) {
        return text.strip().lines().findFirst().orElse("no output");
    }
}
