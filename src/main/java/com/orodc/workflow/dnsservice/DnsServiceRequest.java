package com.orodc.workflow.dnsservice;

import com.orodc.core.OrodcConfig;
import com.orodc.core.OrodcHome;
import com.orodc.core.ProcessUser;
import com.orodc.workflow.hostsync.HostsSyncRequest;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What {@code proxy-dns-setup} acts on.
 *
 * @param root          prefix of every path written or removed ("/" for the machine itself)
 * @param platform      which service manager the files are for
 * @param dryRun        print what would be written, change nothing
 * @param runningAsRoot whether this process may write system paths
 * @param orodcHome     the installing user's ORODC_HOME, where the daemon keeps its state
 * @param sync          the daemon's settings (hosts file, suffixes, Docker endpoint, state)
 * @param orodcCommand  the program and arguments that run orodc (the launcher execs it with proxy-dns-sync)
 * @param httpPort      the proxy's HTTP port on this machine, for --verify
 * @param names         for --verify: only these names (all expected names when empty)
 */
public record DnsServiceRequest(Path root, DnsServicePlatform platform, boolean dryRun, boolean runningAsRoot,
                                Path orodcHome, HostsSyncRequest sync, Optional<List<String>> orodcCommand, int httpPort,
                                List<String> names) {
    public DnsServiceRequest {
        names = List.copyOf(names);
    }

    /** The service of this machine as status and uninstall see it: the system paths, the default hosts file. */
    public static DnsServiceRequest ofThisMachine(OrodcConfig config, OrodcHome home, Map<String, String> environment) {
        HostsSyncRequest sync = HostsSyncRequest.of(config, home, environment, List.of(), HostsSyncRequest.DEFAULT_HOSTS_FILE,
                false, Optional.of(HostsSyncRequest.DEFAULT_PROXY_CONTAINER));
        return new DnsServiceRequest(Path.of("/"), DnsServicePlatform.current(), false,
                ProcessUser.isRoot(), home.root(), sync, Optional.empty(), config.httpPort(), List.of());
    }

    public boolean onThisMachine() {
        return root.toAbsolutePath().normalize().getParent() == null;
    }

    /** {@code path} under the root. */
    public Path under(Path path) {
        return onThisMachine() ? path : root.resolve(path.toString().substring(1));
    }
}
