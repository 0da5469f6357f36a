package com.orodc.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.command.InspectImageResponse;
import com.github.dockerjava.api.model.PullResponseItem;
import com.orodc.core.ExitCode;
import com.orodc.core.OrodcException;

import java.io.InputStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/** Images of the local engine: look one up, pull, load a {@code docker save} tar, save one as a tar. */
public final class DockerImages {
    private final DockerClient client;

    DockerImages(DockerClient client) {
        this.client = client;
    }

    /** The image by name or id; empty when the engine does not have it. */
    public Optional<ImageInfo> find(String image) {
        try {
            InspectImageResponse r = EngineException.call(() -> client.inspectImageCmd(image).exec());
            Map<String, String> labels = r.getConfig() == null ? Map.of() : r.getConfig().getLabels();
            List<String> layers = r.getRootFS() == null || r.getRootFS().getLayers() == null ? List.of() : r.getRootFS().getLayers();
            return Optional.of(new ImageInfo(r.getId(), r.getSize() == null ? 0 : r.getSize(), labels, layers));
        } catch (EngineException e) {
            if (e.notFound()) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /**
     * Pulls the image, passing each status line the engine sends to {@code onStatus}; false when it did not
     * finish within {@code timeout}.
     */
    public boolean pull(String image, Consumer<String> onStatus, Duration timeout) {
        ResultCallback.Adapter<PullResponseItem> progress = new ResultCallback.Adapter<>() {
            @Override
            public void onNext(PullResponseItem item) {
                if (item.getStatus() != null) {
                    onStatus.accept(item.getStatus());
                }
            }
        };
        return EngineException.call(() -> {
            try {
                return client.pullImageCmd(image).exec(progress).awaitCompletion(timeout.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new OrodcException(ExitCode.FAILURE, "interrupted while pulling " + image);
            }
        });
    }

    /** Loads a {@code docker save} tar stream; returns when the engine has read all of it. */
    public void load(InputStream tar) {
        EngineException.run(() -> client.loadImageCmd(tar).exec());
    }

    /** The image as a {@code docker save} tar stream; the caller closes it. */
    public InputStream save(String image) {
        return EngineException.call(() -> client.saveImageCmd(image).exec());
    }
}
