package com.orodc.workflow.proxy;

import com.orodc.certs.trust.TrustResult;
import com.orodc.certs.trust.TrustState;
import com.orodc.core.ExitCode;
import com.orodc.core.OrodcConfig;
import com.orodc.core.OrodcException;
import com.orodc.core.OrodcHome;
import com.orodc.core.Reporter;
import com.orodc.docker.ContainerInfo;
import com.orodc.docker.DockerEngine;
import com.orodc.docker.NetworkInfo;
import com.orodc.docker.ProxyContainers;
import com.orodc.hosts.HostsBlock;
import com.orodc.workflow.ProxySpecs;
import com.orodc.workflow.dnsservice.DnsServiceRequest;
import com.orodc.workflow.dnsservice.DnsServiceSetup;
import com.orodc.workflow.trust.TrustActions;
import com.orodc.workflow.trust.TrustReport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * uninstall-proxy: the container always; with purge also what orodc made on this machine (certificates,
 * rendered config, download cache, state, the network when this install created it and nothing uses it). Returns what it removed.
 */
public final class UninstallProxyWorkflow implements AutoCloseable {
    public record Request(OrodcHome home, OrodcConfig config, Map<String, String> environment, boolean purge, boolean force) {
    }

    private final DockerEngine engine;
    private final Reporter reporter;

    /** Connects to the engine discovery finds (DOCKER_HOST, context, sockets...); close it when done. */
    public static UninstallProxyWorkflow connect(Map<String, String> environment, Reporter reporter) {
        return new UninstallProxyWorkflow(DockerEngine.connect(environment, reporter), reporter);
    }

    private UninstallProxyWorkflow(DockerEngine engine, Reporter reporter) {
        this.engine = engine;
        this.reporter = reporter;
    }

    public List<String> run(Request request) {
        List<String> removed = new ArrayList<>();
        // every refusal before anything is gone: someone else's container, then the step that needs root
        ProxyContainers containers = engine.proxyContainers();
        Optional<ContainerInfo> container = OwnedProxy.find(containers, request.force());
        if (request.purge()) {
            hostsSync(request).forEach(removed::add);
        }
        if (container.isPresent()) {
            containers.stopAndRemove(container.get().id(), ProxySpecs.STOP_TIMEOUT);
            removed.add("container " + ProxySpecs.CONTAINER);
        }
        if (!request.purge()) {
            return removed;
        }
        network(request.home()).ifPresent(removed::add);
        portsNetwork().ifPresent(removed::add);
        trust(request).forEach(removed::add);
        // state last: the trust record in it says what to remove from the stores
        for (Path dir : List.of(request.home().proxy(), request.home().certs(), request.home().caTrust(), request.home().cache(),
                request.home().state())) {
            if (Files.exists(dir)) {
                deleteTree(dir);
                removed.add(dir.toString());
            }
        }
        return removed;
    }

    /** The hosts-sync service and the hosts block, when this machine has either. */
    private List<String> hostsSync(Request request) {
        DnsServiceRequest service = DnsServiceRequest.ofThisMachine(request.config(), request.home(), request.environment());
        boolean serviceFile = Files.exists(service.platform().serviceFile());
        boolean block;
        try {
            block = Files.readString(service.sync().hostsFile()).contains(HostsBlock.START);
        } catch (IOException e) {
            block = false;
        }
        if (!serviceFile && !block) {
            return List.of();
        }
        return new DnsServiceSetup(service, reporter).uninstall().lines().stream()
                .filter(line -> !line.endsWith("was not installed")).map(line -> "hosts sync: " + line).toList();
    }

    /** Exactly the trust install added, from its record; run before the certificates go. */
    private List<String> trust(Request request) {
        TrustReport report = TrustActions.readingRoot(request.home(), request.environment(), reporter).uninstall(List.of());
        List<String> lines = new ArrayList<>();
        for (TrustResult result : report.results()) {
            if (result.state() == TrustState.REMOVED) {
                lines.add("trust: " + result.line());
            } else {
                reporter.info("trust: " + result.line());
            }
        }
        if (report.anyFailed()) {
            throw new OrodcException(ExitCode.TRUST, "could not remove the CA from every trust store (see above); "
                    + "run 'orodc export-proxy-cert --uninstall' again, with sudo for the system store");
        }
        return lines;
    }

    private Optional<String> network(OrodcHome home) {
        Optional<NetworkInfo> found = engine.networks().find(ProxySpecs.NETWORK);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        NetworkInfo network = found.get();
        int users = network.containers();
        String kept = null;
        if (!network.managed()) {
            kept = "orodc did not create it";
        } else if (!network.id().equals(recordedNetwork(home))) {
            kept = "another install of orodc created it (another user or ORODC_HOME); 'docker network rm "
                    + ProxySpecs.NETWORK + "' removes it when nothing needs it";
        } else if (users > 0) {
            kept = users + " containers still use it";
        }
        if (kept != null) {
            reporter.info("Network " + ProxySpecs.NETWORK + " kept: " + kept);
            return Optional.empty();
        }
        engine.networks().remove(network.id());
        return Optional.of("network " + ProxySpecs.NETWORK);
    }

    /** The network only the proxy's published ports use: ours when it carries our label. */
    private Optional<String> portsNetwork() {
        Optional<NetworkInfo> found = engine.networks().find(ProxySpecs.PORTS_NETWORK);
        if (found.isEmpty() || !found.get().managed() || found.get().containers() > 0) {
            return Optional.empty();
        }
        engine.networks().remove(found.get().id());
        return Optional.of("network " + ProxySpecs.PORTS_NETWORK);
    }

    private static String recordedNetwork(OrodcHome home) {
        try {
            return Files.readString(ProxySpecs.createdNetworkRecord(home)).strip();
        } catch (IOException e) {
            return "";
        }
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        } catch (IOException e) {
            throw OrodcException.io("cannot remove " + dir + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        engine.close();
    }
}
