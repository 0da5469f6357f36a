package com.orodc.docker;

import com.orodc.core.ProxyContainerSpec;
import com.orodc.core.json.Json;
import com.orodc.docker.api.EngineHttp;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** The networks orodc creates and removes: found by exact name, created with our label. */
public final class DockerNetworks {
    private final EngineHttp http;

    DockerNetworks(EngineHttp http) {
        this.http = http;
    }

    /** The network with exactly this name (the engine's name filter also matches parts of names). */
    @SuppressWarnings("unchecked")
    public Optional<NetworkInfo> find(String name) {
        Object listed = EngineException.call(() -> http.json("GET", "/networks?" + EngineQueries.filters("name", name), null));
        Optional<String> id = (listed instanceof List<?> l ? l : List.of()).stream()
                .map(o -> (Map<String, Object>) o)
                .filter(n -> name.equals(Json.string(n, "Name", null)))
                .map(n -> Json.string(n, "Id", ""))
                .findFirst();
        if (id.isEmpty()) {
            return Optional.empty();
        }
        Map<String, Object> n = EngineException.call(() -> http.object("GET", "/networks/" + EngineQueries.id(id.get()), null));
        return Optional.of(new NetworkInfo(Json.string(n, "Id", ""), Json.string(n, "Name", ""), Json.strings(n, "Labels"),
                Json.object(n, "Containers").size()));
    }

    /** Creates the network when missing; returns true when it was created. */
    public boolean ensure(String name) {
        if (find(name).isPresent()) {
            return false;
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("Name", name);
        body.put("Driver", "bridge");
        body.put("Options", Map.of());
        body.put("Labels", Map.of(ProxyContainerSpec.MANAGED_LABEL, "true"));
        EngineException.run(() -> http.json("POST", "/networks/create", body));
        return true;
    }

    /** The container's endpoints by network name; empty when it is attached nowhere (or does not exist). */
    public Map<String, NetworkAttachment> attachments(String container) {
        Map<String, Object> networks;
        try {
            Map<String, Object> c = EngineException.call(() -> http.object("GET", "/containers/" + EngineQueries.id(container) + "/json", null));
            networks = Json.object(Json.object(c, "NetworkSettings"), "Networks");
        } catch (EngineException e) {
            if (e.notFound()) {
                return Map.of();
            }
            throw e;
        }
        Map<String, NetworkAttachment> attachments = new TreeMap<>();
        networks.forEach((name, endpoint) -> {
            Map<String, Object> e = Json.object(networks, name);
            attachments.put(name, new NetworkAttachment(name, Json.string(e, "IPAddress", null),
                    e.get("Aliases") == null ? null : Json.stringList(e, "Aliases")));
        });
        return attachments;
    }

    /** Attaches a container (created or running) to the network under these extra names. */
    public void connect(String container, String network, Collection<String> aliases) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("Container", container);
        body.put("EndpointConfig", Map.of("Aliases", List.copyOf(aliases)));
        EngineException.run(() -> http.json("POST", "/networks/" + EngineQueries.id(network) + "/connect", body));
    }

    /**
     * Gives the container's endpoint on the network a new set of names: the engine changes names only when it
     * attaches, so the endpoint is detached and attached again. Should attaching fail, the previous names are put
     * back, so that the container is never left off the network.
     */
    public void reconnect(String container, String network, Collection<String> aliases, Collection<String> previous) {
        EngineException.run(() -> http.json("POST", "/networks/" + EngineQueries.id(network) + "/disconnect", Map.of("Container", container)));
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
        EngineException.run(() -> http.json("DELETE", "/networks/" + EngineQueries.id(id), null));
    }
}
