package com.orodc.workflow.dnsservice;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** The service manager the hosts sync is installed into. */
public enum DnsServicePlatform {
    LINUX_SYSTEMD(Path.of("/etc/systemd/system/orodc-dns-sync.service"), "systemd"),
    MACOS_LAUNCHD(Path.of("/Library/LaunchDaemons/com.orodc.dns-sync.plist"), "launchd");

    public static final Path LAUNCHER = Path.of("/usr/local/bin/orodc-dns-sync");
    public static final Path LAUNCHD_LOG = Path.of("/var/log/orodc-dns-sync.log");

    private final Path serviceFile;
    private final String manager;

    DnsServicePlatform(Path serviceFile, String manager) {
        this.serviceFile = serviceFile;
        this.manager = manager;
    }

    public static DnsServicePlatform current() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        return os.contains("mac") || os.contains("darwin") ? MACOS_LAUNCHD : LINUX_SYSTEMD;
    }

    public Path serviceFile() {
        return serviceFile;
    }

    public String manager() {
        return manager;
    }

    /** Whether the service manager runs on this machine (systemd as PID 1, or launchd). */
    public boolean managerRunning() {
        return switch (this) {
            case LINUX_SYSTEMD -> Files.isDirectory(Path.of("/run/systemd/system"));
            case MACOS_LAUNCHD -> Files.isExecutable(Path.of("/bin/launchctl"));
        };
    }
}
