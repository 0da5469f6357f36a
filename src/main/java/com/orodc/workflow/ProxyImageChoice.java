package com.orodc.workflow;

import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.PullResponseItem;
import com.orodc.core.ComponentVersions;
import com.orodc.core.ExitCode;
import com.orodc.core.OrodcConfig;
import com.orodc.core.OrodcException;
import com.orodc.core.Reporter;
import com.orodc.docker.DockerEngine;

import java.util.concurrent.TimeUnit;

/**
 * Which image the proxy runs: ORODC_PROXY_IMAGE when given; the published image with --pull;
 * otherwise the locally built one, built when missing or when --build asks.
 */
final class ProxyImageChoice {
    static final String LOCAL_REPOSITORY = "orodc-proxy";

    private final DockerEngine engine;
    private final Reporter reporter;

    ProxyImageChoice(DockerEngine engine, Reporter reporter) {
        this.engine = engine;
        this.reporter = reporter;
    }

    String resolve(OrodcConfig config, boolean build, boolean pull) {
        ComponentVersions versions = ComponentVersions.load();
        if (config.proxyImage().isPresent()) {
            String image = config.proxyImage().get();
            if (pull || !present(image)) {
                pull(image);
            }
            return image;
        }
        if (pull) {
            String published = versions.publishedImage() + ":" + versions.orodc();
            pull(published);
            return published;
        }
        String local = LOCAL_REPOSITORY + ":" + versions.orodc();
        if (build || !present(local)) {
            throw new OrodcException(ExitCode.FAILURE, "no proxy image " + local
                    + " yet: build it with 'orodc proxy-image build --to docker', or set ORODC_PROXY_IMAGE to an image");
        }
        return local;
    }

    private boolean present(String image) {
        try {
            engine.client().inspectImageCmd(image).exec();
            return true;
        } catch (NotFoundException e) {
            return false;
        }
    }

    private void pull(String image) {
        reporter.info("Pulling " + image);
        try {
            boolean done = engine.client().pullImageCmd(image).exec(new ResultCallback.Adapter<PullResponseItem>() {
                @Override
                public void onNext(PullResponseItem item) {
                    if (item.getStatus() != null) {
                        reporter.progress("pull " + image + ": " + item.getStatus(), -1, -1);
                    }
                }
            }).awaitCompletion(15, TimeUnit.MINUTES);
            if (!done || !present(image)) {
                throw new OrodcException(ExitCode.FAILURE, "pulling " + image + " did not finish in 15 minutes");
            }
        } catch (DockerException e) {
            throw new OrodcException(ExitCode.FAILURE, "cannot pull " + image + ": " + e.getMessage().lines().findFirst().orElse("")
                    + "; check the name and your registry login, or build locally with 'orodc proxy-image build'", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OrodcException(ExitCode.FAILURE, "interrupted while pulling " + image);
        }
    }
}
