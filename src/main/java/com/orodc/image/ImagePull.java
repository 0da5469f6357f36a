package com.orodc.image;

import com.orodc.core.Sha256;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.orodc.core.ExitCode;
import com.orodc.core.OrodcException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One platform's image from a registry: manifest, config and layers, verified by digest and kept in
 * the cache. A tag is asked for each time online (tags move); offline uses the digest it last had.
 */
public final class ImagePull {
    private final RegistryApi registry;
    private final ArtifactCache cache;
    private final boolean offline;
    private final String registryMirror;

    public ImagePull(RegistryApi registry, ArtifactCache cache, boolean offline, String registryMirror) {
        this.registry = registry;
        this.cache = cache;
        this.offline = offline;
        this.registryMirror = registryMirror;
    }

    public record Pulled(String reference, ImageLocation location, String manifestDigest, JsonNode manifest,
                         byte[] config, List<Path> layers) {
    }

    public Pulled pull(String reference, Platform platform) {
        ImageLocation location = ImageLocation.parse(reference, registryMirror);
        String refName = "image " + location + " " + platform.id();
        String manifestSum;
        if (offline) {
            manifestSum = cache.ref(refName).orElseThrow(() -> new MissingFromCache("image " + reference + " (" + platform.id() + ")"));
        } else {
            RegistryApi.Manifest m = registry.platformManifest(location, platform);
            if (m.isIndex()) {
                throw new OrodcException(ExitCode.FAILURE, reference + " is a list of lists; name one image");
            }
            manifestSum = cache.put(m.bytes());
            cache.ref(refName, manifestSum);
        }
        JsonNode manifest;
        try {
            manifest = new ObjectMapper().readTree(Files.readAllBytes(cache.blob(manifestSum).orElseThrow()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String configDigest = manifest.path("config").path("digest").asText();
        byte[] config = read(blob(location, reference, configDigest, "config of " + reference));
        List<Path> layers = new ArrayList<>();
        for (JsonNode layer : manifest.path("layers")) {
            String type = layer.path("mediaType").asText();
            if (!type.endsWith("gzip") && !type.endsWith("tar")) {
                throw new OrodcException(ExitCode.FAILURE, reference + " has a layer of type " + type
                        + " which orodc cannot read; choose an image with gzip layers");
            }
            layers.add(blob(location, reference, layer.path("digest").asText(),
                    "pull " + platform.architecture() + " layer of " + reference));
        }
        return new Pulled(reference, location, "sha256:" + manifestSum, manifest, config, layers);
    }

    private Path blob(ImageLocation location, String reference, String digest, String task) {
        var cached = cache.blob(Sha256.fromDigest(digest));
        if (cached.isPresent()) {
            return cached.get();
        }
        if (offline) {
            throw new MissingFromCache("blob " + digest + " of " + reference);
        }
        return registry.blob(location, digest, cache, task);
    }

    private static byte[] read(Path p) {
        try {
            return Files.readAllBytes(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
