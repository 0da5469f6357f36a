package com.orodc.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.Network;
import com.orodc.core.ProxyContainerSpec;

import java.util.Map;
import java.util.Optional;

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

    public void remove(String id) {
        EngineException.run(() -> docker.removeNetworkCmd(id).exec());
    }
}
