package com.orodc.workflow.status;

import com.orodc.core.OrodcConfig;
import com.orodc.core.Reporter;
import com.orodc.docker.ContainerExec;
import com.orodc.docker.ContainerInfo;
import com.orodc.docker.DockerEngine;
import com.orodc.docker.EngineException;
import com.orodc.docker.NetworkAttachment;
import com.orodc.docker.RunningContainer;
import com.orodc.hosts.AllowedNames;
import com.orodc.workflow.ProxySpecs;
import com.orodc.workflow.hostsync.HostsSyncNames;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * Whether the projects' containers reach the proxy by the names it serves: Docker's resolver on the shared network
 * is asked, from inside the proxy, for every name of the running projects, and must answer the proxy's address there.
 */
final class NetworkNameChecks {
    static final String ID = "container-names";
    static final String NAME = "Names in " + ProxySpecs.NETWORK;
    /** Docker's resolver inside every container on a user-defined network. */
    static final String DOCKER_DNS = "127.0.0.11";
    private static final long TIMEOUT_SECONDS = 10;
    private static final String MARK = "orodc-name ";

    private final DockerEngine engine;

    NetworkNameChecks(DockerEngine engine) {
        this.engine = engine;
    }

    StatusCheck check(ContainerInfo proxy, OrodcConfig config, Supplier<List<RunningContainer>> running) {
        Map<String, NetworkAttachment> networks;
        try {
            networks = engine.networks().attachments(proxy.id());
        } catch (EngineException e) {
            return StatusCheck.warn(ID, NAME, "cannot inspect the proxy's networks: " + e.getMessage(), null);
        }
        NetworkAttachment shared = networks.get(ProxySpecs.NETWORK);
        if (shared == null || shared.ipAddress().isEmpty()) {
            return StatusCheck.fail(ID, NAME, "the proxy is not attached to " + ProxySpecs.NETWORK, "attach it again: orodc install-proxy");
        }
        if (!networks.containsKey(ProxySpecs.PORTS_NETWORK)) {
            return StatusCheck.warn(ID, NAME, "the proxy was created by an older orodc: its names are not kept in "
                    + ProxySpecs.NETWORK, "recreate it: orodc install-proxy");
        }
        String address = shared.ipAddress();
        Map<String, String> names;
        try {
            names = new HostsSyncNames(AllowedNames.under(List.of(config.certDomain())), Reporter.SILENT).of(running.get());
        } catch (EngineException e) {
            return StatusCheck.warn(ID, NAME, "cannot list the running containers: " + e.getMessage(), null);
        }
        names.values().removeIf(owner -> owner.equals(proxy.name()));
        if (names.isEmpty()) {
            return StatusCheck.ok(ID, NAME, "no project is running; the proxy is " + address);
        }
        Map<String, List<String>> answers;
        try {
            answers = resolve(proxy.id(), names.keySet());
        } catch (EngineException e) {
            return StatusCheck.warn(ID, NAME, "cannot ask Docker's resolver from inside the proxy: " + e.getMessage(), null);
        }
        List<String> wrong = new ArrayList<>();
        names.keySet().forEach(name -> {
            List<String> got = answers.getOrDefault(name, List.of());
            if (!got.contains(address)) {
                wrong.add(name + (got.isEmpty() ? " (no answer)" : " -> " + String.join(",", got)));
            }
        });
        if (wrong.isEmpty()) {
            return StatusCheck.ok(ID, NAME, names.size() + " project names resolve to the proxy (" + address + ")");
        }
        return StatusCheck.warn(ID, NAME, wrong.size() + " of " + names.size() + " names do not resolve to the proxy ("
                        + address + "): " + String.join(", ", wrong.subList(0, Math.min(5, wrong.size())))
                        + (wrong.size() > 5 ? ", ..." : ""),
                "keep the names in step: orodc proxy-dns-setup --install (or run orodc proxy-dns-sync)");
    }

    /** One exec for all names; the names travel as arguments, never through the shell's parser. */
    private Map<String, List<String>> resolve(String container, Iterable<String> names) {
        List<String> command = new ArrayList<>(List.of("sh", "-c",
                "for n in \"$@\"; do echo \"" + MARK + "$n\"; nslookup \"$n\" " + DOCKER_DNS + " 2>&1; done", "orodc-names"));
        names.forEach(command::add);
        ContainerExec.Result r = engine.exec().execute(container, command, TIMEOUT_SECONDS);
        return parse(r.stdout());
    }

    /** busybox's nslookup: after the server's own lines, {@code Name:} then one {@code Address} line per answer. */
    static Map<String, List<String>> parse(String output) {
        Map<String, List<String>> answers = new TreeMap<>();
        String current = null;
        boolean inAnswer = false;
        for (String line : output.lines().toList()) {
            if (line.startsWith(MARK)) {
                current = line.substring(MARK.length()).strip();
                answers.put(current, new ArrayList<>());
                inAnswer = false;
            } else if (current != null && line.startsWith("Name:")) {
                inAnswer = true;
            } else if (current != null && inAnswer && line.startsWith("Address")) {
                String value = line.substring(line.indexOf(':') + 1).strip();
                answers.get(current).add(value.split("\\s+")[0]);
            }
        }
        return answers;
    }
}
