package com.orodc.workflow.dnsservice;

import com.orodc.core.ExitCode;
import com.orodc.core.OrodcException;
import com.orodc.core.OrodcHome;
import com.orodc.core.Reporter;
import com.orodc.core.wsl.WindowsPrograms;
import com.orodc.core.wsl.WslEnvironment;
import com.orodc.docker.DockerConnector;
import com.orodc.hosts.HostsFileWriter;
import com.orodc.render.ServiceDefinition;
import com.orodc.render.ServiceFiles;
import com.orodc.workflow.hostsync.HostsSyncRequest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Installs and removes the hosts sync as a system service: the service file (systemd unit or launchd
 * plist) and the launcher it starts. {@code --root} writes the same files under another directory and
 * leaves the service manager alone (tests, packagers).
 */
public final class DnsServiceSetup {
    private final DnsServiceRequest request;
    private final Reporter reporter;

    /** The daemon holds a few names: a small heap, the serial collector and no C2 keep it far below 100 MB. */
    public static final List<String> DAEMON_JVM_OPTIONS =
            List.of("-XX:+UseSerialGC", "-Xms8m", "-Xmx48m", "-XX:TieredStopAtLevel=1", "-Xss512k");

    /** The launcher's entry, which starts no Quarkus: the daemon holds none of its classes. */
    public static final String MAIN_CLASS = "com.orodc.cli.Main";

    /** How the service runs orodc when it is installed from its jar. */
    public static List<String> javaCommand(Path java, Path jar) {
        List<String> command = new ArrayList<>();
        command.add(java.toString());
        command.addAll(DAEMON_JVM_OPTIONS);
        command.add("-cp");
        command.add(jar.toAbsolutePath().toString());
        command.add(MAIN_CLASS);
        return command;
    }

    public DnsServiceSetup(DnsServiceRequest request, Reporter reporter) {
        this.request = request;
        this.reporter = reporter;
    }

    public DnsServiceReport install() {
        requireRoot("--install");
        List<String> command = new ArrayList<>(request.orodcCommand().orElseThrow(() -> OrodcException.usage(
                "cannot tell how this orodc was started (not from its jar); give the command with --orodc-command")));
        command.addAll(daemonArguments());
        ServiceDefinition definition = new ServiceDefinition(DnsServicePlatform.LAUNCHER.toString(), command,
                DockerConnector.endpoint(request.sync().environment()), request.orodcHome().toString(),
                request.sync().hostsFile().toString(), DnsServicePlatform.LAUNCHD_LOG.toString());
        Map<Path, String> files = new LinkedHashMap<>();
        files.put(request.platform().serviceFile(), request.platform() == DnsServicePlatform.LINUX_SYSTEMD
                ? ServiceFiles.systemdUnit(definition) : ServiceFiles.launchdPlist(definition));
        files.put(DnsServicePlatform.LAUNCHER, ServiceFiles.launcherScript(definition));
        DnsServiceControl control = new DnsServiceControl(request.platform());
        List<String> lines = new ArrayList<>();
        boolean managerRunning = request.platform().managerRunning();
        if (request.dryRun()) {
            if (!managerRunning) {
                lines.add("note: " + notRunning());
            }
            files.forEach((path, content) -> {
                lines.add("would write " + request.under(path) + ":");
                content.lines().forEach(line -> lines.add("    " + line));
            });
            if (request.onThisMachine()) {
                control.startCommands().forEach(c -> lines.add("would run: " + String.join(" ", c)));
            }
            windowsAccess().filter(w -> w.grantedTo().isEmpty())
                    .ifPresent(w -> lines.add("would " + WindowsHostsAccess.grantWords()));
            return new DnsServiceReport(lines, ExitCode.OK);
        }
        if (request.onThisMachine() && !managerRunning) {
            throw new OrodcException(ExitCode.FAILURE, notRunning() + ": the service cannot be installed; run 'orodc proxy-dns-sync'"
                    + " in the foreground instead, or see the files it would write with --dry-run");
        }
        // before any file is written: a cancelled prompt leaves the machine as it was
        windowsAccess().ifPresent(w -> {
            reporter.info("next: " + WindowsHostsAccess.grantWords());
            lines.addAll(w.grant());
        });
        for (Map.Entry<Path, String> file : files.entrySet()) {
            boolean executable = file.getKey().equals(DnsServicePlatform.LAUNCHER);
            write(request.under(file.getKey()), file.getValue(), executable ? "rwxr-xr-x" : "rw-r--r--");
            lines.add("wrote " + request.under(file.getKey()));
        }
        lines.add("Docker endpoint recorded for the service: " + definition.dockerHost());
        if (request.onThisMachine()) {
            control.start();
            lines.add("started " + request.platform().manager() + " service " + serviceName());
        } else {
            lines.add(request.platform().manager() + " not touched: files written under " + request.root());
        }
        return new DnsServiceReport(lines, ExitCode.OK);
    }

    public DnsServiceReport uninstall() {
        requireRoot("--uninstall");
        List<String> lines = new ArrayList<>();
        DnsServiceControl control = new DnsServiceControl(request.platform());
        boolean manage = request.onThisMachine() && request.platform().managerRunning();
        Path hostsFile = request.under(request.sync().hostsFile());
        List<Path> paths = List.of(request.platform().serviceFile(), DnsServicePlatform.LAUNCHER);
        if (request.dryRun()) {
            if (manage) {
                control.stopCommands().forEach(c -> lines.add("would run: " + String.join(" ", c)));
            }
            for (Path path : paths) {
                if (Files.exists(request.under(path))) {
                    lines.add("would remove " + request.under(path));
                }
            }
            lines.add("would remove the orodc block from " + hostsFile);
            windowsAccess().ifPresent(w -> {
                lines.add("would remove the orodc block from " + request.sync().windowsHostsFile().orElseThrow());
                w.grantedTo().ifPresent(user -> lines.add("would remove the Modify grant of " + user + " on "
                        + WslEnvironment.WINDOWS_HOSTS + " (elevated: Windows asks once)"));
            });
            return new DnsServiceReport(lines, ExitCode.OK);
        }
        if (manage) {
            control.stop();
            lines.add("stopped " + request.platform().manager() + " service " + serviceName());
        }
        for (Path path : paths) {
            Path target = request.under(path);
            try {
                if (Files.deleteIfExists(target)) {
                    lines.add("removed " + target);
                    if (!request.onThisMachine()) {
                        removeEmptyParents(target);
                    }
                } else {
                    lines.add(target + " was not installed");
                }
            } catch (IOException e) {
                throw OrodcException.io("cannot remove " + target + ": " + e.getMessage() + "; remove it by hand", e);
            }
        }
        ExitCode code = removeBlock(hostsFile, new HostsFileWriter(hostsFile, reporter), lines);
        Optional<WindowsHostsAccess> windows = windowsAccess();
        if (windows.isPresent()) {
            Path windowsHosts = request.sync().windowsHostsFile().orElseThrow();
            ExitCode windowsCode = removeBlock(windowsHosts,
                    new HostsFileWriter(windowsHosts, request.sync().windowsHostsOptions(), reporter), lines);
            try {
                lines.addAll(windows.get().revoke());
            } catch (OrodcException e) {
                lines.add("Windows access not changed: " + e.getMessage());
                windowsCode = e.exitCode();
            }
            code = code == ExitCode.OK ? windowsCode : code;
        }
        return new DnsServiceReport(lines, code);
    }

    /** The elevated step on Windows, when the sync keeps the Windows hosts file (WSL 2). */
    private Optional<WindowsHostsAccess> windowsAccess() {
        if (request.sync().windowsHostsFile().isEmpty()) {
            return Optional.empty();
        }
        WslEnvironment wsl = WslEnvironment.detect(request.sync().environment());
        return Optional.of(new WindowsHostsAccess(wsl, new WindowsPrograms(wsl, request.sync().environment()),
                new OrodcHome(request.orodcHome()).state()));
    }

    /** Removes the orodc block from one hosts file and the lock its writers shared; the exit code of a failure. */
    private ExitCode removeBlock(Path hostsFile, HostsFileWriter writer, List<String> lines) {
        ExitCode code = ExitCode.OK;
        if (Files.exists(hostsFile)) {
            try {
                boolean removed = writer.removeBlock();
                lines.add(removed ? "removed the orodc block from " + hostsFile : "no orodc block in " + hostsFile);
                // the service that wrote the file is gone: its writers' lock file goes too
                if (Files.deleteIfExists(writer.lockFile())) {
                    reporter.debug("removed " + writer.lockFile());
                }
            } catch (OrodcException e) {
                lines.add("hosts file not changed: " + e.getMessage());
                code = e.exitCode();
            } catch (IOException e) {
                reporter.debug("the lock file of " + hostsFile + " stays: " + e.getMessage());
            }
        }
        return code;
    }

    /** The arguments the service gives the daemon: the settings of this run, fixed at install time. */
    List<String> daemonArguments() {
        HostsSyncRequest sync = request.sync();
        List<String> args = new ArrayList<>(List.of("proxy-dns-sync", "--hosts-file", sync.hostsFile().toString()));
        for (String suffix : sync.suffixes()) {
            args.add("--suffix");
            args.add(suffix);
        }
        if (sync.ipv4Only()) {
            args.add("--ipv4-only");
        }
        args.add("--proxy-container");
        args.add(sync.proxyContainer().orElse(""));
        if (sync.windowsHostsFile().isEmpty() && !HostsSyncRequest.windowsHostsFile(sync.environment()).isEmpty()) {
            args.add("--no-windows-hosts");
        }
        return args;
    }

    private void requireRoot(String action) {
        if (!request.dryRun() && request.onThisMachine() && !request.runningAsRoot()) {
            throw OrodcException.usage("the hosts sync service is a system service and needs root: run 'sudo "
                    + "--preserve-env=DOCKER_HOST,ORODC_HOME orodc proxy-dns-setup " + action + "' (or add --dry-run to see the files)");
        }
    }

    private String notRunning() {
        return request.platform() == DnsServicePlatform.LINUX_SYSTEMD
                ? "systemd is not running on this machine (PID 1 is not systemd)"
                : "launchd is not available on this machine";
    }

    private String serviceName() {
        return request.platform() == DnsServicePlatform.LINUX_SYSTEMD ? ServiceDefinition.SYSTEMD_UNIT : ServiceDefinition.LAUNCHD_LABEL;
    }

    private void removeEmptyParents(Path file) throws IOException {
        Path root = request.root().toAbsolutePath().normalize();
        for (Path dir = file.getParent(); dir != null && dir.startsWith(root) && !dir.equals(root); dir = dir.getParent()) {
            try (var entries = Files.list(dir)) {
                if (entries.findAny().isPresent()) {
                    return;
                }
            }
            Files.delete(dir);
        }
    }

    private static void write(Path target, String content, String mode) {
        try {
            Files.createDirectories(target.getParent());
            Path temp = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".tmp");
            try {
                Files.writeString(temp, content, StandardCharsets.UTF_8);
                Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString(mode));
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } finally {
                Files.deleteIfExists(temp);
            }
        } catch (IOException e) {
            throw OrodcException.io("cannot write " + target + ": " + e.getMessage() + "; run as root", e);
        }
    }
}
