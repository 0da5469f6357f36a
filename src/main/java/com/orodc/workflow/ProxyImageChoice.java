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
import com.orodc.image.ImageTarget;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import java.util.concurrent.TimeUnit;

/**
 * Which image the proxy runs: ORODC_PROXY_IMAGE when given; the published image with --pull;
 * otherwise the locally built one, built when missing or when --build asks.
 */
final class ProxyImageChoice {

    private final DockerEngine engine;
    private final Reporter reporter;

    private final Map<String, String> environment;
    private final Path workingDirectory;

    ProxyImageChoice(DockerEngine engine, Map<String, String> environment, Path workingDirectory, Reporter reporter) {
        this.engine = engine;
        this.environment = environment;
        this.workingDirectory = workingDirectory;
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
        String local = ImageTarget.DEFAULT_LOCAL_NAME;
        if (build || !present(local)) {
            reporter.info(build ? "Building the proxy image " + local : "No proxy image " + local + " yet: building it");
            new ProxyImageBuild(reporter, () -> engine.client()).run(new ProxyImageBuild.Request(
                    new ProxyImageBuild.Inputs(null, null, null, null, null, null, null, false, false),
                    List.of(), "docker:" + local, null, List.of(), null, null, environment, workingDirectory));
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
