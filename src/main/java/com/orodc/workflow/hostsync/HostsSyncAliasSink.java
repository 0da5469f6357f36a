package com.orodc.workflow.hostsync;

import com.orodc.docker.DockerEngine;
import com.orodc.docker.EngineException;
import com.orodc.docker.NetworkAttachment;
import com.orodc.docker.RunningContainer;
import com.orodc.hosts.AllowedNames;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The proxy's names on the shared network, so that the projects' own containers reach {@code https://app.docker.local}
 * through the proxy too, by Docker's resolver (which also serves images without a shell). The engine changes a
 * container's aliases only when it attaches it to a network: each change re-attaches the proxy's endpoint there,
 * which breaks the proxy's connections to the projects for a moment (the published ports are on another network
 * and are not touched). So the first change is applied at once and later ones at most once a second, together.
 */
final class HostsSyncAliasSink implements HostsSyncSink {
    private static final long GAP_NANOS = Duration.ofSeconds(1).toNanos();

    private final String container;
    private final String network;
    private final String portsNetwork;
    private final AllowedNames ours;

    private String appliedTo = "";
    private Set<String> applied = Set.of();
    private long lastReconnect;
    private long retryAt = HostsSyncSchedule.NONE;
    private long reconnects;

    /**
     * @param network      where the projects reach the proxy by these names
     * @param portsNetwork the network with the published ports: only a proxy attached to it is re-attached
     */
    HostsSyncAliasSink(String container, String network, String portsNetwork, List<String> suffixes) {
        this.container = container;
        this.network = network;
        this.portsNetwork = portsNetwork;
        this.ours = AllowedNames.under(suffixes);
    }

    @Override
    public String describe() {
        return "network aliases of " + container + " on " + network;
    }

    @Override
    public long retryAt() {
        return retryAt;
    }

    /** How many times the endpoint was re-attached to change the names. */
    long reconnects() {
        return reconnects;
    }

    @Override
    public boolean apply(SortedSet<String> names, List<RunningContainer> running, DockerEngine docker) {
        Optional<RunningContainer> proxy = running.stream().filter(c -> c.name().equals(container)).findFirst();
        if (proxy.isEmpty()) {
            retryAt = HostsSyncSchedule.NONE;
            return false; // aliases stay with a stopped container; a new one gets them when it starts
        }
        String id = proxy.get().id();
        if (id.equals(appliedTo) && applied.equals(names)) {
            retryAt = HostsSyncSchedule.NONE;
            return false;
        }
        long now = System.nanoTime();
        if (reconnects > 0 && now - lastReconnect < GAP_NANOS) {
            retryAt = lastReconnect + GAP_NANOS;
            return false;
        }
        retryAt = HostsSyncSchedule.NONE;
        try {
            return reattach(id, names, now, docker);
        } catch (EngineException e) {
            // another writer may be re-attaching it at this moment: look again after the gap
            retryAt = now + GAP_NANOS;
            throw e;
        }
    }

    private boolean reattach(String id, SortedSet<String> names, long now, DockerEngine docker) {
        Map<String, NetworkAttachment> networks = docker.networks().attachments(id);
        if (!networks.containsKey(portsNetwork)) {
            // an older proxy publishes its ports on this network: re-attaching it would cut every connection to
            // them; install-proxy replaces it, and proxy-status says so
            return false;
        }
        NetworkAttachment shared = networks.get(network);
        Set<String> before = new TreeSet<>(shared == null ? List.of() : shared.aliases());
        before.remove(id.substring(0, Math.min(12, id.length()))); // the engine adds the short id on every attach
        SortedSet<String> wanted = new TreeSet<>(names);
        // names we do not manage (a compose service name, a user's own alias) stay
        before.stream().filter(a -> ours.rejectionOf(a).isPresent()).forEach(wanted::add);
        if (shared != null && wanted.equals(before)) {
            appliedTo = id;
            applied = Set.copyOf(names);
            return false;
        }
        if (shared == null) {
            // detached by a change that failed half-way (or by hand): the proxy serves the projects from there
            docker.networks().connect(id, network, wanted);
        } else {
            docker.networks().reconnect(id, network, wanted, before);
        }
        lastReconnect = now;
        reconnects++;
        appliedTo = id;
        applied = Set.copyOf(names);
        return true;
    }
}
