package com.orodc.workflow.proxy;

import com.orodc.certs.CertFiles;
import com.orodc.core.AtomicFile;
import com.orodc.core.ContainerPorts;
import com.orodc.core.ExitCode;
import com.orodc.core.OrodcConfig;
import com.orodc.core.OrodcException;
import com.orodc.core.OrodcHome;
import com.orodc.core.ProxyContainerSpec.PortMapping;
import com.orodc.core.ProxyContainerSpec;
import com.orodc.core.Reporter;
import com.orodc.docker.ContainerInfo;
import com.orodc.docker.DockerEngine;
import com.orodc.docker.EngineException;
import com.orodc.docker.ProxyContainers;
import com.orodc.docker.VolumeFiles;
import com.orodc.probe.HostPorts;
import com.orodc.render.ComposeFileRenderer;
import com.orodc.workflow.ProxyLayout;
import com.orodc.workflow.ProxySpecs;
import com.orodc.workflow.certs.CertificatesRequest;
import com.orodc.workflow.hostsync.ProxyNames;
import com.orodc.workflow.image.ProxyImageChoice;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.Set;

/**
 * install-proxy: certificates, rendered config, image, network, container, then wait for healthy.
 * Idempotent: with the same inputs the container is left alone; a changed input recreates only the container.
 */
public final class InstallProxyWorkflow implements AutoCloseable {
    public enum Outcome { CREATED, RECREATED, STARTED, UP_TO_DATE }

    public record Request(OrodcConfig config, OrodcHome home, Map<String, String> environment, boolean force,
                          boolean autoPorts, boolean build, boolean pull, Duration healthTimeout) {
    }

    /** Where the bash OroDC keeps its CA; users who trusted it keep that trust. */
    static final String LEGACY_CERT_VOLUME = "proxy_certs";
    /** The previous container's name while its replacement starts. */
    static final String SET_ASIDE_PREFIX = ProxySpecs.CONTAINER + "-replaced-";

    public record Result(Outcome outcome, String containerId, String image, OrodcConfig config, ProxyLayout layout,
                         Path rootCertificate) {
    }

    private final DockerEngine engine;
    private final Reporter reporter;

    /** Connects to the engine discovery finds (DOCKER_HOST, context, sockets...); close it when done. */
    public static InstallProxyWorkflow connect(Map<String, String> environment, Reporter reporter) {
        return new InstallProxyWorkflow(DockerEngine.connect(environment, reporter), reporter);
    }

    private InstallProxyWorkflow(DockerEngine engine, Reporter reporter) {
        this.engine = engine;
        this.reporter = reporter;
    }

    public Result run(Request request) {
        ProxyContainers containers = engine.proxyContainers();
        Optional<ContainerInfo> existing = OwnedProxy.find(containers, request.force());
        OrodcConfig config = request.autoPorts() ? freePorts(request.config(), existing) : request.config();

        String image = new ProxyImageChoice(engine, request.environment(), Path.of("").toAbsolutePath(), reporter).resolve(config, request.build(), request.pull());
        ProxyFiles.Prepared files = new ProxyFiles(request.home(), request.environment(), reporter)
                .prepare(config, legacyCa(request, image));
        if (engine.networks().ensure(ProxySpecs.NETWORK)) {
            reporter.info("Created network " + ProxySpecs.NETWORK);
            // uninstall --purge removes only a network this install created, not another user's
            engine.networks().find(ProxySpecs.NETWORK).ifPresent(n ->
                    AtomicFile.writeIfChanged(ProxySpecs.createdNetworkRecord(request.home()), n.id() + "\n"));
        }
        if (engine.networks().ensure(ProxySpecs.PORTS_NETWORK)) {
            reporter.debug("Created network " + ProxySpecs.PORTS_NETWORK + " for the published ports");
        }
        ProxyContainerSpec spec = ProxySpecs.forConfig(config, files.layout(), image, dockerSocket());
        String imageId = engine.images().find(image).orElseThrow(() -> new OrodcException(ExitCode.FAILURE,
                "the image " + image + " disappeared from the Docker engine; run install-proxy again")).id();
        String hash = spec.hash(imageId, files.staticConfigDigest());
        if (AtomicFile.writeIfChanged(files.layout().composeFile(), ComposeFileRenderer.render(spec))) {
            reporter.debug("Wrote " + files.layout().composeFile());
        }

        Outcome outcome;
        String id;
        if (existing.isPresent() && existing.get().managed() && hash.equals(existing.get().configHash()) && !files.mountReplaced()) {
            id = existing.get().id();
            if (existing.get().running()) {
                outcome = Outcome.UP_TO_DATE;
                reporter.info("Proxy container is up to date");
            } else {
                containers.start(id);
                outcome = Outcome.STARTED;
                reporter.info("Started the existing proxy container");
            }
        } else {
            checkPorts(spec, existing);
            SortedSet<String> aliases = ProxyNames.forNewProxy(engine, List.of(config.certDomain()), spec.labels(), reporter);
            id = replace(containers, existing, spec, hash, aliases, request.healthTimeout());
            outcome = existing.isPresent() ? Outcome.RECREATED : Outcome.CREATED;
        }
        if (outcome == Outcome.UP_TO_DATE || outcome == Outcome.STARTED) {
            waitHealthy(containers, id, request.healthTimeout());
        }
        removeSetAside(containers);
        if (ProxyNames.pushOnce(engine, List.of(config.certDomain()), ProxySpecs.CONTAINER, reporter)) {
            reporter.debug("gave the proxy the running containers' names (its /etc/hosts, its aliases on " + ProxySpecs.NETWORK + ")");
        }
        return new Result(outcome, id, image, config, files.layout(), files.rootCertificate());
    }

    /**
     * Creates and starts the new container and waits until it is healthy. The previous one is only set
     * aside (stopped, renamed) until then: when the new one fails, it is removed and the previous one
     * is put back as it was.
     */
    private String replace(ProxyContainers containers, Optional<ContainerInfo> previous, ProxyContainerSpec spec, String hash,
                           SortedSet<String> aliases, Duration healthTimeout) {
        previous.ifPresent(c -> {
            reporter.info("Replacing proxy container " + c.shortId() + " (configuration changed)");
            containers.stop(c.id(), ProxySpecs.STOP_TIMEOUT);
            containers.rename(c.id(), SET_ASIDE_PREFIX + c.shortId());
        });
        String id = null;
        try {
            id = containers.create(spec, hash, aliases);
            try {
                containers.start(id);
            } catch (EngineException e) {
                throw new OrodcException(ExitCode.FAILURE, "the new proxy container did not start: " + firstLine(e.getMessage()), e);
            }
            reporter.info((previous.isPresent() ? "Recreated" : "Created") + " proxy container " + id.substring(0, 12));
            waitHealthy(containers, id, healthTimeout);
        } catch (OrodcException e) {
            if (previous.isEmpty()) {
                throw e;
            }
            throw new OrodcException(ExitCode.FAILURE, firstLine(e.getMessage()) + "; " + putBack(containers, previous.get(), id), e);
        }
        previous.ifPresent(c -> containers.remove(c.id()));
        return id;
    }

    /** Undoes {@link #replace}: the new container goes, the previous one gets its name and state back. */
    private String putBack(ProxyContainers containers, ContainerInfo previous, String failed) {
        try {
            if (failed != null) {
                containers.remove(failed);
            }
            containers.rename(previous.id(), ProxySpecs.CONTAINER);
            if (previous.running()) {
                containers.start(previous.id());
            }
            return "the previous proxy container " + previous.shortId() + " is back" + (previous.running() ? " and running" : "")
                    + " with the previous settings";
        } catch (EngineException e) {
            return "putting the previous container back failed too (" + firstLine(e.getMessage()) + "): it is stopped and named "
                    + SET_ASIDE_PREFIX + previous.shortId() + "; 'docker rename " + SET_ASIDE_PREFIX + previous.shortId() + " "
                    + ProxySpecs.CONTAINER + "' and 'docker start " + ProxySpecs.CONTAINER + "' bring it back";
        }
    }

    /** What an interrupted replacement left set aside; the new container runs, so it is no longer needed. */
    private void removeSetAside(ProxyContainers containers) {
        for (ContainerInfo c : containers.findNamedFrom(SET_ASIDE_PREFIX)) {
            if (c.managed()) {
                containers.remove(c.id());
                reporter.debug("removed " + c.name() + ", left set aside by an earlier install");
            }
        }
    }

    private Optional<CertificatesRequest.CaPem> legacyCa(Request request, String image) {
        VolumeFiles volumes = engine.volumes();
        if (Files.exists(new CertFiles(request.home().certs()).rootCert()) || !volumes.exists(LEGACY_CERT_VOLUME)) {
            return Optional.empty();
        }
        Map<String, String> files = volumes.read(LEGACY_CERT_VOLUME, image, List.of("ca.crt", "ca.key"));
        if (files.size() != 2) {
            reporter.debug("volume " + LEGACY_CERT_VOLUME + " holds no complete CA; creating a new one");
            return Optional.empty();
        }
        reporter.info("Adopting the OroDC CA from the Docker volume " + LEGACY_CERT_VOLUME + " (browsers that trust it keep working)");
        return Optional.of(new CertificatesRequest.CaPem(files.get("ca.crt"), files.get("ca.key"), "Docker volume " + LEGACY_CERT_VOLUME));
    }

    private void waitHealthy(ProxyContainers containers, String id, Duration timeout) {
        String status = containers.waitHealthy(id, timeout, s -> reporter.progress("waiting for the proxy to be healthy: " + s, -1, -1));
        if (status.equals("healthy")) {
            return;
        }
        reporter.error("The proxy container is " + status + ". Its last log lines:");
        containers.logs(id, 20).forEach(line -> reporter.error("  | " + line));
        throw new OrodcException(ExitCode.FAILURE, "the proxy did not become healthy (" + status
                + "); check the log lines above, 'orodc proxy logs' and 'orodc proxy-status'");
    }

    /** Ports our own current container holds count as free: it is about to be replaced. */
    private void checkPorts(ProxyContainerSpec spec, Optional<ContainerInfo> existing) {
        Set<Integer> ours = ourPorts(existing);
        List<String> busy = new ArrayList<>();
        for (PortMapping p : spec.ports()) {
            if (!ours.contains(p.hostPort()) && !HostPorts.isFree(address(p.hostIp()), p.hostPort())) {
                busy.add(p.hostIp() + ":" + p.hostPort() + " (" + p.variable() + ")");
            }
        }
        if (!busy.isEmpty()) {
            throw new OrodcException(ExitCode.FAILURE, "port " + String.join(", ", busy)
                    + " is already in use by another program: set that variable to a free port, or run with --auto-ports");
        }
    }

    private OrodcConfig freePorts(OrodcConfig config, Optional<ContainerInfo> existing) {
        Set<Integer> ours = ourPorts(existing);
        int http = pick(config.bindAddress(), config.httpPort(), ours, "HTTP", Set.of());
        int https = pick(config.bindAddress(), config.httpsPort(), ours, "HTTPS", Set.of(http));
        // the SOCKS5 server listens on its port inside the container too, beside Traefik's
        Set<Integer> taken = new HashSet<>(ContainerPorts.TRAEFIK);
        taken.addAll(List.of(http, https));
        int socks = config.socks5Enabled() ? pick(config.socks5Bind(), config.socks5Port(), ours, "SOCKS5", taken) : config.socks5Port();
        return new OrodcConfig(config.bindAddress(), http, https, config.logLevel(), config.certDomain(), config.socks5Enabled(),
                socks, config.socks5Bind(), config.socks5User(), config.socks5Password(), config.proxyImage(), config.sources());
    }

    private int pick(InetAddress address, int wanted, Set<Integer> ours, String what, Set<Integer> taken) {
        if (!taken.contains(wanted) && (ours.contains(wanted) || HostPorts.isFree(address, wanted))) {
            return wanted;
        }
        for (int port = wanted + 1; port <= Math.min(65535, wanted + 100); port++) {
            if (!taken.contains(port) && (ours.contains(port) || HostPorts.isFree(address, port))) {
                reporter.warn(what + " port " + wanted + " is busy; using " + port);
                return port;
            }
        }
        throw new OrodcException(ExitCode.FAILURE, "no free " + what + " port between " + wanted + " and " + (wanted + 100));
    }

    private Set<Integer> ourPorts(Optional<ContainerInfo> existing) {
        return existing.filter(ContainerInfo::managed).map(c -> engine.proxyContainers().publishedPorts(c.id())).orElse(Set.of());
    }

    private String dockerSocket() {
        String uri = engine.endpoint().uri().toString();
        // desktop VMs and remote engines expose the engine socket to containers at the standard path
        return engine.endpoint().source().equals("Podman") && uri.startsWith("unix://") ? uri.substring(7) : "/var/run/docker.sock";
    }

    private static InetAddress address(String ip) {
        try {
            return InetAddress.getByName(ip);
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String firstLine(String text) {
        return text == null ? "" : text.lines().findFirst().orElse("");
    }

    @Override
    public void close() {
        engine.close();
    }
}
