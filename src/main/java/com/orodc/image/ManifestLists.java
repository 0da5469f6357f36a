package com.orodc.image;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.core.JsonProcessingException;

import java.io.UncheckedIOException;
import java.util.List;

/** The multi-platform list, written in the platforms' order so that the same images give the same digest. */
public final class ManifestLists {
    private ManifestLists() {
    }

    /** Pushes the list under every tag; returns its digest. */
    public static String push(RegistryApi registry, ImageLocation location, List<BuildResult.PlatformImage> images, List<String> tags) {
        ObjectMapper json = new ObjectMapper();
        ObjectNode list = json.createObjectNode();
        list.put("schemaVersion", 2);
        list.put("mediaType", RegistryApi.DOCKER_LIST);
        ArrayNode manifests = list.putArray("manifests");
        for (BuildResult.PlatformImage image : images) {
            RegistryApi.Manifest m = registry.manifest(location, image.digest());
            ObjectNode entry = manifests.addObject();
            entry.put("mediaType", m.mediaType());
            entry.put("size", m.bytes().length);
            entry.put("digest", image.digest());
            entry.putObject("platform").put("architecture", image.platform().architecture()).put("os", image.platform().os());
        }
        byte[] bytes;
        try {
            bytes = json.writeValueAsBytes(list);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
        String digest = null;
        for (String tag : tags) {
            digest = registry.putManifest(location, tag, RegistryApi.DOCKER_LIST, bytes);
        }
        return digest;
    }

    /** Gives an existing manifest another tag. */
    public static void retag(RegistryApi registry, ImageLocation location, String digest, String tag) {
        RegistryApi.Manifest m = registry.manifest(location, digest);
        registry.putManifest(location, tag, m.mediaType(), m.bytes());
    }
}
