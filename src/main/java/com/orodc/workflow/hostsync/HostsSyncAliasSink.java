package com.orodc.workflow.hostsync;

import com.orodc.docker.DockerEngine;
import com.orodc.docker.EngineException;
import com.orodc.docker.NetworkAttachment;
import com.orodc.docker.RunningContainer;
import com.orodc.hosts.AllowedNames;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.LongSupplier;

/**
 * The proxy's names on the shared network, so that the projects' own containers reach {@code https://app.docker.local}
 * through the proxy too, by Docker's resolver (which also serves images without a shell). The engine changes a
 * container's aliases only when it attaches it to a network: each change re-attaches the proxy's endpoint there,
 * which breaks the proxy's connections to the projects for a moment (the published ports are on another network
 * and are not touched). So the first change is applied at once and later ones at most once per {@code gap}, together.
 */
final class HostsSyncAliasSink implements HostsSyncSink {
    static final Duration DEFAULT_GAP = Duration.ofSeconds(1);

    private final String container;
    private final String network;
    private final AllowedNames ours;
    private final long gapNanos;
    private final LongSupplier clock;

    private String appliedTo = "";
    private Set<String> applied = Set.of();
    private long lastReconnect;
    private boolean reconnected;
    private long retryAt = HostsSyncSchedule.NONE;
    private long reconnects;

    HostsSyncAliasSink(String container, String network, List<String> suffixes) {
        this(container, network, suffixes, DEFAULT_GAP, System::nanoTime);
    }

    HostsSyncAliasSink(String container, String network, List<String> suffixes, Duration gap, LongSupplier clock) {
        this.container = container;
        this.network = network;
        this.ours = AllowedNames.under(suffixes);
        this.gapNanos = gap.toNanos();
        this.clock = clock;
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
        long now = clock.getAsLong();
        if (reconnected && now - lastReconnect < gapNanos) {
            retryAt = lastReconnect + gapNanos;
            return false;
        }
        retryAt = HostsSyncSchedule.NONE;
        Optional<NetworkAttachment> endpoint;
        try {
            endpoint = docker.networks().attachment(container, network);
        } catch (EngineException e) {
            if (e.notFound()) {
                return false;
            }
            throw e;
        }
        if (endpoint.isEmpty()) {
            return false; // not ours to attach: install-proxy does that, status reports it
        }
        Set<String> before = new TreeSet<>(endpoint.get().aliases());
        before.remove(id.substring(0, Math.min(12, id.length()))); // the engine adds the short id on every attach
        SortedSet<String> wanted = new TreeSet<>(names);
        // names we do not manage (a compose service name, a user's own alias) stay
        before.stream().filter(a -> ours.rejectionOf(a).isPresent()).forEach(wanted::add);
        if (wanted.equals(before)) {
            appliedTo = id;
            applied = Set.copyOf(names);
            return false;
        }
        docker.networks().reconnect(id, network, wanted, before);
        reconnected = true;
        lastReconnect = now;
        reconnects++;
        appliedTo = id;
        applied = Set.copyOf(names);
        return true;
    }
}
