package com.orodc.workflow.hostsync;

import com.orodc.core.HostName;
import com.orodc.core.OrodcConfig;
import com.orodc.core.OrodcException;
import com.orodc.core.UntrustedText;
import com.orodc.core.OrodcHome;
import com.orodc.core.wsl.WslEnvironment;
import com.orodc.hosts.HostsFileOptions;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What the hosts sync does: which names it accepts, where it writes them, and how it batches events.
 *
 * @param suffixes       names must lie under one of these (CERT_DOMAIN by default)
 * @param hostsFile      the host's hosts file
 * @param ipv4Only       write names on 127.0.0.1 only, not also on ::1
 * @param proxyContainer the container whose own /etc/hosts also gets the names, if any
 * @param stateFile      where the last sync, its names and errors are recorded for status
 * @param environment    where the Docker endpoint comes from
 * @param timing         how events are batched and how reconnects back off
 * @param windowsHostsFile in WSL 2, the Windows hosts file through the drive mount, kept in sync as well
 */
public record HostsSyncRequest(
        List<String> suffixes,
        Path hostsFile,
        boolean ipv4Only,
        Optional<String> proxyContainer,
        Path stateFile,
        Map<String, String> environment,
        Timing timing,
        Optional<Path> windowsHostsFile) {

    public static final Path DEFAULT_HOSTS_FILE = Path.of("/etc/hosts");
    public static final String DEFAULT_PROXY_CONTAINER = "proxy";

    public HostsSyncRequest {
        suffixes = List.copyOf(suffixes);
        environment = Map.copyOf(environment);
    }

    /** A request that writes no Windows hosts file. */
    public HostsSyncRequest(List<String> suffixes, Path hostsFile, boolean ipv4Only, Optional<String> proxyContainer,
                            Path stateFile, Map<String, String> environment, Timing timing) {
        this(suffixes, hostsFile, ipv4Only, proxyContainer, stateFile, environment, timing, Optional.empty());
    }

    /**
     * The request of a run: {@code suffixes} checked (CERT_DOMAIN when none given), state in
     * {@code $ORODC_HOME/state}.
     */
    public static HostsSyncRequest of(OrodcConfig config, OrodcHome home, Map<String, String> environment,
                                      List<String> suffixes, Path hostsFile, boolean ipv4Only, Optional<String> proxyContainer) {
        return of(config, home, environment, suffixes, hostsFile, ipv4Only, proxyContainer, true);
    }

    /** @param windowsHosts in WSL 2, keep the Windows hosts file in sync too */
    public static HostsSyncRequest of(OrodcConfig config, OrodcHome home, Map<String, String> environment,
                                      List<String> suffixes, Path hostsFile, boolean ipv4Only, Optional<String> proxyContainer,
                                      boolean windowsHosts) {
        List<String> allowed = new ArrayList<>();
        for (String suffix : suffixes == null || suffixes.isEmpty() ? List.of(config.certDomain()) : suffixes) {
            String s = suffix.strip().toLowerCase(Locale.ROOT);
            s = s.startsWith(".") ? s.substring(1) : s;
            if (!HostName.isDomain(s)) {
                throw OrodcException.usage("--suffix " + UntrustedText.of(suffix) + " is not valid: expected a domain of at least two labels such as docker.local");
            }
            allowed.add(s);
        }
        return new HostsSyncRequest(allowed, hostsFile == null ? DEFAULT_HOSTS_FILE : hostsFile.toAbsolutePath(), ipv4Only,
                proxyContainer.filter(name -> !name.isBlank()), stateFile(home),
                environment, Timing.DEFAULT, windowsHosts ? windowsHostsFile(environment) : Optional.empty());
    }

    /** The Windows hosts file when this is WSL 2, through the drive mount. */
    public static Optional<Path> windowsHostsFile(Map<String, String> environment) {
        WslEnvironment wsl = WslEnvironment.detect(environment);
        return wsl.isWsl2() ? Optional.of(wsl.windowsHostsFile()) : Optional.empty();
    }

    /**
     * How the Windows hosts file is written: in place (its access list stays), CRLF, 9 names a line; the lock and the
     * backup in the state directory, which the service and the user's own runs share, since orodc may not create
     * files beside the Windows file.
     */
    public HostsFileOptions windowsHostsOptions() {
        Path state = stateFile.toAbsolutePath().getParent();
        return HostsFileOptions.windows(state.resolve("windows-hosts.orodc.lock"), state.resolve("windows-hosts.orodc.bak"));
    }

    public static Path stateFile(OrodcHome home) {
        return home.state().resolve("dns-sync.json");
    }

    public HostsSyncRequest withTiming(Timing newTiming) {
        return new HostsSyncRequest(suffixes, hostsFile, ipv4Only, proxyContainer, stateFile, environment, newTiming, windowsHostsFile);
    }

    /**
     * @param quiet           an event is answered this long after it (none by default: a start is written at once)
     * @param writesPerSecond at most this many writes of the file in any second: a third of them may come at once, the
     *                        others are evenly spaced, and that spacing is the longest a name waits in a burst
     * @param followUp        one more reconcile this long after each batch that listed the containers
     * @param initialBackoff  first wait before reconnecting to Docker, doubled each failure...
     * @param maxBackoff      ...up to this
     */
    public record Timing(Duration quiet, int writesPerSecond, Duration followUp, Duration initialBackoff, Duration maxBackoff) {
        public static final Timing DEFAULT = new Timing(Duration.ZERO, 10, Duration.ofMillis(300),
                Duration.ofMillis(250), Duration.ofSeconds(10));
    }
}
