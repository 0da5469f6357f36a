package com.orodc.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.ContainerNetwork;
import com.github.dockerjava.api.model.Network;
import com.orodc.core.ProxyContainerSpec;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** The networks orodc creates and removes: found by exact name, created with our label. */
public final class DockerNetworks {
    private final DockerClient docker;

    DockerNetworks(DockerClient docker) {
        this.docker = docker;
    }

    /** The network with exactly this name (the engine's name filter also matches parts of names). */
    public Optional<NetworkInfo> find(String name) {
        Optional<Network> listed = EngineException.call(() -> docker.listNetworksCmd().withNameFilter(name).exec()).stream()
                .filter(n -> n.getName().equals(name)).findFirst();
        if (listed.isEmpty()) {
            return Optional.empty();
        }
        Network n = EngineException.call(() -> docker.inspectNetworkCmd().withNetworkId(listed.get().getId()).exec());
        return Optional.of(new NetworkInfo(n.getId(), n.getName(), n.getLabels(), n.getContainers() == null ? 0 : n.getContainers().size()));
    }

    /** Creates the network when missing; returns true when it was created. */
    public boolean ensure(String name) {
        if (find(name).isPresent()) {
            return false;
        }
        EngineException.run(() -> docker.createNetworkCmd().withName(name).withDriver("bridge")
                .withLabels(Map.of(ProxyContainerSpec.MANAGED_LABEL, "true")).exec());
        return true;
    }

    /** The container's endpoints by network name; empty when it is attached nowhere (or does not exist). */
    public Map<String, NetworkAttachment> attachments(String container) {
        Map<String, ContainerNetwork> networks;
        try {
            var settings = EngineException.call(() -> docker.inspectContainerCmd(container).exec()).getNetworkSettings();
            networks = settings == null ? null : settings.getNetworks();
        } catch (EngineException e) {
            if (e.notFound()) {
                return Map.of();
            }
            throw e;
        }
        Map<String, NetworkAttachment> attachments = new TreeMap<>();
        if (networks != null) {
            networks.forEach((name, endpoint) ->
                    attachments.put(name, new NetworkAttachment(name, endpoint.getIpAddress(), endpoint.getAliases())));
        }
        return attachments;
    }

    /** Attaches a container (created or running) to the network under these extra names. */
    public void connect(String container, String network, Collection<String> aliases) {
        EngineException.run(() -> docker.connectToNetworkCmd().withContainerId(container).withNetworkId(network)
                .withContainerNetwork(new ContainerNetwork().withAliases(List.copyOf(aliases))).exec());
    }

    /**
     * Gives the container's endpoint on the network a new set of names: the engine changes names only when it
     * attaches, so the endpoint is detached and attached again. Should attaching fail, the previous names are put
     * back, so that the container is never left off the network.
     */
    public void reconnect(String container, String network, Collection<String> aliases, Collection<String> previous) {
        EngineException.run(() -> docker.disconnectFromNetworkCmd().withContainerId(container).withNetworkId(network).exec());
        try {
            connect(container, network, aliases);
        } catch (EngineException e) {
            try {
                connect(container, network, previous);
            } catch (EngineException again) {
                e.addSuppressed(again);
            }
            throw e;
        }
    }

    public void remove(String id) {
        EngineException.run(() -> docker.removeNetworkCmd(id).exec());
    }
}
