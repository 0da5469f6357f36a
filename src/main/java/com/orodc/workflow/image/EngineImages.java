package com.orodc.workflow.image;

import com.orodc.core.ExitCode;
import com.orodc.core.OrodcException;
import com.orodc.docker.DockerEngine;
import com.orodc.docker.ImageInfo;
import com.orodc.image.LocalEngine;

import java.io.InputStream;
import java.util.function.Supplier;

/** The image build's view of the engine, connected on first use: a build to a tar or registry never connects. */
final class EngineImages implements LocalEngine {
    private final Supplier<DockerEngine> connect;
    private DockerEngine engine;

    EngineImages(Supplier<DockerEngine> connect) {
        this.connect = connect;
    }

    private synchronized DockerEngine engine() {
        if (engine == null) {
            engine = connect.get();
        }
        return engine;
    }

    @Override
    public void load(InputStream tar) {
        engine().images().load(tar);
    }

    @Override
    public InputStream save(String image) {
        return engine().images().save(image);
    }

    @Override
    public Image inspect(String image) {
        ImageInfo info = engine().images().find(image).orElseThrow(() -> new OrodcException(ExitCode.FAILURE,
                "the Docker engine has no image " + image));
        return new Image(info.id(), info.size(), info.layers());
    }
}
