package com.orodc.cli;

import com.orodc.core.OrodcConfig;
import com.orodc.workflow.hostsync.HostsSyncRequest;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** What the hosts sync writes where: shared by the daemon (proxy-dns-sync) and its service (proxy-dns-setup). */
public class HostsSyncOptions {
    @Option(names = "--hosts-file", paramLabel = "FILE", description = "Hosts file to manage (default /etc/hosts).")
    Path hostsFile;

    @Option(names = "--suffix", paramLabel = "DOMAIN", description = "Accept names under this domain; repeatable (default CERT_DOMAIN).")
    List<String> suffixes;

    @Option(names = "--ipv4-only", description = "Write names on 127.0.0.1 only (default: also on ::1).")
    boolean ipv4Only;

    @Option(names = "--proxy-container", paramLabel = "NAME", defaultValue = HostsSyncRequest.DEFAULT_PROXY_CONTAINER,
            description = "Container whose own /etc/hosts also gets the names; empty for none (default ${DEFAULT-VALUE}).")
    String proxyContainer;

    @Option(names = "--no-windows-hosts", description = "In WSL 2: leave the Windows hosts file alone (default: keep the names there too).")
    boolean noWindowsHosts;

    HostsSyncRequest request(OrodcConfig config, RunContext context) {
        return HostsSyncRequest.of(config, context.home(), context.environment(), suffixes, hostsFile, ipv4Only,
                Optional.ofNullable(proxyContainer), !noWindowsHosts);
    }
}
