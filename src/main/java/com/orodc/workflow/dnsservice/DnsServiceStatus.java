package com.orodc.workflow.dnsservice;

import com.orodc.core.ExitCode;
import com.orodc.core.OrodcException;
import com.orodc.core.Reporter;
import com.orodc.docker.DockerConnector;
import com.orodc.docker.DockerEngine;
import com.orodc.docker.RunningContainer;
import com.orodc.hosts.AllowedNames;
import com.orodc.hosts.HostsFileWriter;
import com.orodc.probe.HttpPing;
import com.orodc.workflow.hostsync.HostsSyncNames;
import com.orodc.workflow.hostsync.HostsSyncState;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * {@code --status}: is the service installed and running, when did it last sync, and do the names in the
 * hosts file match the running containers. {@code --verify}: does each name resolve through the operating
 * system and reach the proxy.
 */
public final class DnsServiceStatus {
    private static final int HTTP_TIMEOUT_MILLIS = 3000;

    private final DnsServiceRequest request;
    private final Reporter reporter;

    public DnsServiceStatus(DnsServiceRequest request, Reporter reporter) {
        this.request = request;
        this.reporter = reporter;
    }

    public DnsServiceReport status() {
        return status(this::runningContainers);
    }

    /**
     * The same, with the running containers from a Docker client the caller already has: proxy-status
     * opens one client for all its checks.
     */
    public DnsServiceReport status(Supplier<List<RunningContainer>> running) {
        List<String> lines = new ArrayList<>();
        boolean healthy = true;
        DnsServicePlatform platform = request.platform();
        boolean installed = Files.exists(request.under(platform.serviceFile()));
        lines.add(line("service", installed ? "installed (" + request.under(platform.serviceFile()) + ")"
                : "not installed (no " + request.under(platform.serviceFile()) + "); install it with 'sudo orodc proxy-dns-setup --install'"));
        healthy &= installed;
        Optional<HostsSyncState> state = HostsSyncState.read(request.sync().stateFile());
        if (request.onThisMachine() && platform.managerRunning()) {
            boolean active = new DnsServiceControl(platform).isActive();
            lines.add(line("running", active ? "yes (" + platform.manager() + ")" : "no (" + platform.manager() + " says it is not active)"));
            healthy &= active || !installed;
        } else {
            String pid = state.map(s -> ProcessHandle.of(s.pid()).map(p -> "a daemon runs as pid " + s.pid())
                    .orElse("pid " + s.pid() + " of the last sync is gone")).orElse("no daemon has synced yet");
            lines.add(line("running", "unknown, " + platform.manager() + " is not managing it here; " + pid));
        }
        lines.add(line("last sync", state.map(s -> s.lastSync() + " (" + s.names().size() + " names"
                + (s.errors().isEmpty() ? ")" : ", errors: " + String.join("; ", s.errors()) + ")"))
                .orElse("never (no " + request.sync().stateFile() + ")")));
        SortedSet<String> inFile = new TreeSet<>();
        try {
            inFile = new HostsFileWriter(request.under(request.sync().hostsFile()), reporter).read().blockNames();
            lines.add(line("hosts file", inFile.size() + " names in the block of " + request.under(request.sync().hostsFile())));
        } catch (OrodcException e) {
            lines.add(line("hosts file", e.getMessage()));
            healthy = false;
        }
        Optional<Path> windowsHosts = request.sync().windowsHostsFile();
        if (windowsHosts.isPresent()) {
            try {
                SortedSet<String> onWindows = new HostsFileWriter(windowsHosts.get(), request.sync().windowsHostsOptions(), reporter)
                        .read().blockNames();
                lines.add(line("windows", onWindows.size() + " names in the block of " + windowsHosts.get()
                        + (onWindows.equals(inFile) ? ", the same as in the hosts file" : ", not the same as in the hosts file")));
                healthy &= onWindows.equals(inFile);
            } catch (OrodcException e) {
                lines.add(line("windows", e.getMessage()));
                healthy = false;
            }
        }
        try {
            SortedSet<String> expected = expectedNames(running);
            lines.add(line("expected", expected.size() + " names from running containers"));
            SortedSet<String> missing = new TreeSet<>(expected);
            missing.removeAll(inFile);
            SortedSet<String> stale = new TreeSet<>(inFile);
            stale.removeAll(expected);
            if (missing.isEmpty() && stale.isEmpty()) {
                lines.add(line("drift", "none"));
            } else {
                healthy = false;
                if (!missing.isEmpty()) {
                    lines.add(line("drift", "missing from the hosts file: " + String.join(", ", missing)));
                }
                if (!stale.isEmpty()) {
                    lines.add(line("drift", "stale in the hosts file: " + String.join(", ", stale)));
                }
            }
        } catch (OrodcException e) {
            lines.add(line("expected", "unknown: " + e.getMessage()));
            healthy = false;
        }
        return new DnsServiceReport(lines, healthy ? ExitCode.OK : ExitCode.FAILURE);
    }

    public DnsServiceReport verify() {
        SortedSet<String> names = request.names().isEmpty() ? expectedNames(this::runningContainers) : new TreeSet<>(request.names());
        List<String> lines = new ArrayList<>();
        boolean allOk = true;
        if (names.isEmpty()) {
            lines.add("no names to verify: no running container asks for a name under " + String.join(", ", request.sync().suffixes()));
        }
        for (String name : names) {
            String result = verifyName(name);
            allOk &= result.startsWith("ok");
            lines.add(result);
        }
        return new DnsServiceReport(lines, allOk ? ExitCode.OK : ExitCode.FAILURE);
    }

    /** The names the running containers ask for, as the daemon would compute them. */
    private SortedSet<String> expectedNames(Supplier<List<RunningContainer>> running) {
        try {
            return new TreeSet<>(new HostsSyncNames(AllowedNames.under(request.sync().suffixes()), Reporter.SILENT)
                    .of(running.get()).keySet());
        } catch (RuntimeException e) {
            throw new OrodcException(ExitCode.DOCKER_UNREACHABLE, "cannot list containers at "
                    + DockerConnector.endpoint(request.sync().environment()) + " (" + e.getMessage() + "); start Docker or set DOCKER_HOST", e);
        }
    }

    private List<RunningContainer> runningContainers() {
        try (DockerEngine engine = DockerConnector.connect(request.sync().environment())) {
            return engine.containers().running();
        }
    }

    private String verifyName(String name) {
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(name);
        } catch (UnknownHostException e) {
            return "FAIL " + name + ": does not resolve; is the hosts sync running? (sudo orodc proxy-dns-setup --status)";
        }
        List<String> tried = new ArrayList<>();
        for (InetAddress address : addresses) {
            if (!address.isLoopbackAddress()) {
                tried.add(address.getHostAddress() + " is not this machine");
                continue;
            }
            try {
                String line = HttpPing.get(new InetSocketAddress(address, request.httpPort()), name, "/", HTTP_TIMEOUT_MILLIS).statusLine();
                String status = line.substring(line.indexOf(' ') + 1);
                return "ok   " + name + " -> " + address.getHostAddress() + ":" + request.httpPort() + " answered " + status;
            } catch (IOException e) {
                tried.add(address.getHostAddress() + ":" + request.httpPort() + " " + e.getMessage());
            }
        }
        return "FAIL " + name + ": resolves but does not reach the proxy (" + String.join("; ", tried) + ")";
    }

    private static String line(String key, String value) {
        return String.format("%-11s %s", key + ":", value);
    }
}
