package com.orodc.docker;

import com.orodc.core.ProxyContainerSpec;
import com.orodc.core.json.Json;
import com.orodc.docker.api.EngineHttp;
import com.orodc.docker.api.EngineResponse;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads small text files out of a named Docker volume without starting anything: a container is created
 * (never started) with the volume mounted, the files are copied out as a tar stream, and it is removed.
 */
public final class VolumeFiles {
    private static final String MOUNT = "/orodc-volume";

    private final EngineHttp http;

    VolumeFiles(EngineHttp http) {
        this.http = http;
    }

    public boolean exists(String volume) {
        try {
            EngineException.run(() -> http.json("GET", "/volumes/" + EngineQueries.id(volume), null));
            return true;
        } catch (EngineException e) {
            if (e.notFound()) {
                return false;
            }
            throw e;
        }
    }

    /** The files of {@code names} found in {@code volume}, by name; a missing file is simply absent. */
    public Map<String, String> read(String volume, String image, List<String> names) {
        String id = Json.string(EngineException.call(() -> http.object("POST", "/containers/create", readerBody(volume, image))), "Id", "");
        try {
            Map<String, String> files = new LinkedHashMap<>();
            for (String name : names) {
                readOne(id, name).ifPresent(content -> files.put(name, content));
            }
            return files;
        } finally {
            EngineException.run(() -> http.json("DELETE", "/containers/" + EngineQueries.id(id) + "?force=true", null));
        }
    }

    /** A container that never runs: the volume mounted (nocopy: the image's files never go into it), and our labels. */
    static Map<String, Object> readerBody(String volume, String image) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("Entrypoint", List.of("/bin/true"));
        body.put("Image", image);
        body.put("Volumes", Map.of());
        body.put("ExposedPorts", Map.of());
        body.put("HostConfig", Map.of("Binds", List.of(volume + ":" + MOUNT + ":rw,nocopy")));
        body.put("Labels", Map.of(ProxyContainerSpec.MANAGED_LABEL, "true", "orodc.purpose", "read-volume"));
        return body;
    }

    private Optional<String> readOne(String containerId, String name) {
        String path = "/containers/" + EngineQueries.id(containerId) + "/archive?path=" + EngineHttp.encode(MOUNT + "/" + name);
        try (EngineResponse tar = EngineException.call(() -> http.send("GET", path, null))) {
            return Optional.of(new String(singleEntry(tar.body()), StandardCharsets.UTF_8));
        } catch (EngineException e) {
            if (e.notFound()) {
                return Optional.empty();
            }
            throw e;
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + name + " from the volume: " + e.getMessage(), e);
        }
    }

    /** The content of the first file in a ustar stream: the archive Docker sends for one path. */
    static byte[] singleEntry(InputStream tar) throws IOException {
        byte[] header = tar.readNBytes(512);
        if (header.length < 512) {
            throw new IOException("empty archive");
        }
        String octal = new String(header, 124, 12, StandardCharsets.US_ASCII).replace("\0", "").trim();
        long size = Long.parseLong(octal.isEmpty() ? "0" : octal, 8);
        if (size > 1024 * 1024) {
            throw new IOException("file too large for a certificate: " + size + " bytes");
        }
        return tar.readNBytes((int) size);
    }
}
