package com.orodc.workflow.hostsync;

import com.orodc.core.Reporter;
import com.orodc.core.UntrustedText;
import com.orodc.docker.RunningContainer;
import com.orodc.hosts.AllowedNames;
import com.orodc.hosts.ContainerHostNames;

import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The names the running containers ask for, each with the container that claimed it first (by name order).
 * A rejected label is reported once per container and label value, not at every reconcile.
 */
public final class HostsSyncNames {
    private final AllowedNames allowed;
    private final Reporter reporter;
    private Set<String> reported = new HashSet<>();

    public HostsSyncNames(AllowedNames allowed, Reporter reporter) {
        this.allowed = allowed;
        this.reporter = reporter;
    }

    public SortedMap<String, String> of(List<RunningContainer> running) {
        SortedMap<String, String> names = new TreeMap<>();
        Set<String> stillRelevant = new HashSet<>();
        running.stream().sorted(Comparator.comparing(RunningContainer::name)).forEach(container -> {
            ContainerHostNames.Result result = ContainerHostNames.of(container.labels(), allowed);
            for (String name : result.names()) {
                names.putIfAbsent(name, container.name());
            }
            for (ContainerHostNames.Rejection r : result.rejections()) {
                String key = container.id() + "\u0000" + r.label() + "\u0000" + r.value();
                stillRelevant.add(key);
                if (!reported.contains(key)) {
                    reporter.warn("container " + UntrustedText.of(container.name()) + ": label " + UntrustedText.of(r.label())
                            + " value '" + UntrustedText.of(r.value()) + "' rejected: " + r.reason());
                }
            }
        });
        reported = stillRelevant;
        return names;
    }
}
