package com.orodc.image;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.orodc.core.ExitCode;
import com.orodc.core.OrodcException;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What a published proxy image holds: its platforms, each one's digest and component labels. */
public final class ImageInspector {
    private final RegistryApi registry;

    public ImageInspector(RegistryApi registry) {
        this.registry = registry;
    }

    public record PlatformDetails(String platform, String digest, List<String> entrypoint, Map<String, String> labels) {
    }

    public record Inspection(String reference, String digest, boolean list, List<PlatformDetails> platforms) {
    }

    public Inspection inspect(String reference, String registryMirror) {
        ImageLocation location = ImageLocation.parse(reference, registryMirror);
        RegistryApi.Manifest top = registry.manifest(location, location.reference());
        List<PlatformDetails> platforms = new ArrayList<>();
        if (top.isIndex()) {
            for (JsonNode entry : top.json().path("manifests")) {
                JsonNode p = entry.path("platform");
                if (p.path("architecture").asText().equals("unknown")) {
                    continue; // attestation manifests of buildx
                }
                platforms.add(details(location, registry.manifest(location, entry.path("digest").asText())));
            }
        } else {
            platforms.add(details(location, top));
        }
        return new Inspection(location.toString(), top.digest(), top.isIndex(), platforms);
    }

    private PlatformDetails details(ImageLocation location, RegistryApi.Manifest manifest) {
        String configDigest = manifest.json().path("config").path("digest").asText();
        JsonNode config;
        try {
            config = new ObjectMapper().readTree(registry.blobBytes(location, configDigest));
        } catch (IOException e) {
            throw new OrodcException(ExitCode.FAILURE, "the config of " + location + " is not JSON", e);
        }
        Map<String, String> labels = new LinkedHashMap<>();
        config.path("config").path("Labels").fields().forEachRemaining(f -> labels.put(f.getKey(), f.getValue().asText()));
        List<String> entrypoint = new ArrayList<>();
        config.path("config").path("Entrypoint").forEach(e -> entrypoint.add(e.asText()));
        String platform = config.path("os").asText() + "/" + config.path("architecture").asText();
        return new PlatformDetails(platform, manifest.digest(), entrypoint, labels);
    }
}
