package com.orodc.workflow.image;

import com.orodc.core.ComponentVersions;
import com.orodc.core.ExitCode;
import com.orodc.core.OrodcConfig;
import com.orodc.core.OrodcException;
import com.orodc.core.Reporter;
import com.orodc.docker.DockerEngine;
import com.orodc.docker.EngineException;
import com.orodc.image.ImageTarget;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Which image the proxy runs: ORODC_PROXY_IMAGE when given; the published image with --pull;
 * otherwise the locally built one, built when missing or when --build asks.
 */
public final class ProxyImageChoice {

    private final DockerEngine engine;
    private final Reporter reporter;

    private final Map<String, String> environment;
    private final Path workingDirectory;

    public ProxyImageChoice(DockerEngine engine, Map<String, String> environment, Path workingDirectory, Reporter reporter) {
        this.engine = engine;
        this.environment = environment;
        this.workingDirectory = workingDirectory;
        this.reporter = reporter;
    }

    public String resolve(OrodcConfig config, boolean build, boolean pull) {
        ComponentVersions versions = ComponentVersions.load();
        if (config.proxyImage().isPresent()) {
            String image = config.proxyImage().get();
            if (pull || !present(image)) {
                pull(image);
            }
            return image;
        }
        if (pull) {
            String published = versions.publishedReference();
            pull(published);
            return published;
        }
        String local = ImageTarget.DEFAULT_LOCAL_NAME;
        if (build || !present(local)) {
            reporter.info(build ? "Building the proxy image " + local : "No proxy image " + local + " yet: building it");
            new ProxyImageBuild(reporter, () -> engine).run(new ProxyImageBuild.Request(
                    new ProxyImageBuild.Inputs(null, null, null, null, null, null, null, false, false),
                    List.of(), "docker:" + local, null, List.of(), null, null, environment, workingDirectory));
        }
        return local;
    }

    private boolean present(String image) {
        return engine.images().find(image).isPresent();
    }

    private void pull(String image) {
        reporter.info("Pulling " + image);
        try {
            boolean done = engine.images().pull(image, status -> reporter.progress("pull " + image + ": " + status, -1, -1),
                    Duration.ofMinutes(15));
            if (!done || !present(image)) {
                throw new OrodcException(ExitCode.FAILURE, "pulling " + image + " did not finish in 15 minutes");
            }
        } catch (EngineException e) {
            throw new OrodcException(ExitCode.FAILURE, "cannot pull " + image + ": " + e.getMessage().lines().findFirst().orElse("")
                    + "; check the name and your registry login, or build locally with 'orodc proxy-image build'", e);
        }
    }
}
