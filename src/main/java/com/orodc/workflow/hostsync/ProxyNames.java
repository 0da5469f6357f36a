package com.orodc.workflow.hostsync;

import com.orodc.core.Reporter;
import com.orodc.docker.DockerEngine;
import com.orodc.docker.EngineException;
import com.orodc.docker.RunningContainer;
import com.orodc.hosts.AllowedNames;
import com.orodc.workflow.ProxySpecs;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The names the proxy answers to, for install-proxy: before the hosts sync runs (or without it), the proxy's
 * SOCKS5 server and the projects' containers resolve them at once.
 */
public final class ProxyNames {
    private ProxyNames() {
    }

    /**
     * The names of the running containers and of a proxy about to be created with {@code proxyLabels}: its aliases
     * on the shared network are given when it is created, so that a new proxy is not re-attached right after.
     */
    public static SortedSet<String> forNewProxy(DockerEngine docker, List<String> suffixes, Map<String, String> proxyLabels,
                                                Reporter reporter) {
        List<RunningContainer> running = new ArrayList<>(docker.containers().running());
        running.removeIf(c -> c.name().equals(ProxySpecs.CONTAINER));
        running.add(new RunningContainer("", ProxySpecs.CONTAINER, proxyLabels));
        return new TreeSet<>(new HostsSyncNames(AllowedNames.under(suffixes), reporter).of(running).keySet());
    }

    /** One push of the current names into the running proxy, in the order the hosts sync uses: its aliases, its own /etc/hosts. */
    public static boolean pushOnce(DockerEngine docker, List<String> suffixes, String container, Reporter reporter) {
        List<RunningContainer> running = docker.containers().running();
        SortedSet<String> names = new TreeSet<>(new HostsSyncNames(AllowedNames.under(suffixes), reporter).of(running).keySet());
        boolean aliases;
        try {
            aliases = new HostsSyncAliasSink(container, ProxySpecs.NETWORK, ProxySpecs.PORTS_NETWORK, suffixes)
                    .apply(names, running, docker);
        } catch (EngineException e) {
            // the proxy runs and serves the browser; the hosts sync brings the names at its next change
            reporter.warn("could not give the proxy its names on " + ProxySpecs.NETWORK + ": " + e.getMessage());
            aliases = false;
        }
        boolean hosts = new HostsSyncProxySink(container).apply(names, running, docker);
        return aliases || hosts;
    }
}
