package com.orodc.docker;

import com.orodc.core.json.Json;
import com.orodc.docker.api.EngineHttp;
import com.orodc.docker.api.EngineResponse;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/** Images of the local engine: look one up, pull, load a {@code docker save} tar, save one as a tar. */
public final class DockerImages {
    private final EngineHttp http;

    DockerImages(EngineHttp http) {
        this.http = http;
    }

    /** The image by name or id; empty when the engine does not have it. */
    public Optional<ImageInfo> find(String image) {
        try {
            Map<String, Object> r = EngineException.call(() -> http.object("GET", "/images/" + EngineQueries.id(image) + "/json", null));
            return Optional.of(new ImageInfo(Json.string(r, "Id", ""), Json.number(r, "Size", 0),
                    Json.strings(Json.object(r, "Config"), "Labels"), Json.stringList(Json.object(r, "RootFS"), "Layers")));
        } catch (EngineException e) {
            if (e.notFound()) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /**
     * Pulls the image, passing each status line the engine sends to {@code onStatus}; false when it did not
     * finish within {@code timeout}. An error the engine reports in the stream (after its 200) is an
     * {@link EngineException} like an error status.
     */
    public boolean pull(String image, Consumer<String> onStatus, Duration timeout) {
        // a name without tag or digest would pull every tag of the repository, so it means :latest, as for docker pull
        String query = "/images/create?fromImage=" + EngineHttp.encode(image) + (hasTagOrDigest(image) ? "" : "&tag=latest");
        try (EngineResponse stream = EngineException.call(() -> http.send("POST", query, null));
             Deadline deadline = Deadline.closing(stream, timeout.toMillis())) {
            try {
                stream.eachJson(item -> {
                    failOnError("pulling " + image, item);
                    String status = Json.string(item, "status", null);
                    if (status != null) {
                        onStatus.accept(status);
                    }
                });
            } catch (IOException e) {
                if (deadline.passed()) {
                    return false;
                }
                throw new UncheckedIOException("pulling " + image + " failed: " + e.getMessage(), e);
            }
            return !deadline.passed();
        }
    }

    /** Loads a {@code docker save} tar stream; returns when the engine has read all of it. */
    public void load(InputStream tar) {
        try (EngineResponse r = EngineException.call(() -> http.upload("POST", "/images/load", "application/x-tar", tar))) {
            r.eachJson(item -> failOnError("loading an image", item));
        } catch (IOException e) {
            throw new UncheckedIOException("loading an image failed: " + e.getMessage(), e);
        }
    }

    /** The image as a {@code docker save} tar stream; the caller closes it. */
    public InputStream save(String image) {
        EngineResponse r = EngineException.call(() -> http.send("GET", "/images/" + EngineQueries.id(image) + "/get", null));
        return new FilterInputStream(r.body()) {
            @Override
            public void close() {
                r.close();
            }
        };
    }

    private static void failOnError(String what, Map<String, Object> item) {
        String error = Json.string(Json.object(item, "errorDetail"), "message", Json.string(item, "error", null));
        if (error != null) {
            throw new EngineException(500, what + " failed: " + error.strip(), null);
        }
    }

    static boolean hasTagOrDigest(String image) {
        if (image.contains("@")) {
            return true;
        }
        int slash = image.lastIndexOf('/');
        return image.indexOf(':', slash + 1) >= 0;
    }

}
