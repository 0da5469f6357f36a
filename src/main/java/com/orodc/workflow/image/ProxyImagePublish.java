package com.orodc.workflow.image;

import com.orodc.core.OrodcException;
import com.orodc.core.Reporter;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** {@code orodc proxy-image publish}: every platform to a registry under a version tag and {@code latest}. */
public final class ProxyImagePublish {
    public record Request(ProxyImageBuild.Inputs inputs, List<String> platforms, String repository, String tag,
                          boolean latest, String source, String revision, Map<String, String> environment, Path workingDirectory) {
    }

    private final ProxyImageBuild build;

    public ProxyImagePublish(ProxyImageBuild build) {
        this.build = build;
    }

    public ProxyImagePublish(Reporter reporter, Map<String, String> environment) {
        this(new ProxyImageBuild(reporter, environment));
    }

    public ProxyImageBuild.Result run(Request request) {
        String repository = request.repository().strip();
        if (!repository.contains("/") || repository.substring(repository.lastIndexOf('/')).contains(":") || repository.contains("@")) {
            throw OrodcException.usage("--to " + repository + " must be REGISTRY/REPOSITORY without a tag (the tag comes from --tag)");
        }
        String tag = request.tag().strip();
        if (!tag.matches("[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}")) {
            throw OrodcException.usage("--tag " + tag + " is not a valid tag: letters, digits, '_', '.', '-', at most 128");
        }
        List<String> extra = request.latest() && !tag.equals("latest") ? List.of("latest") : List.of();
        return build.run(new ProxyImageBuild.Request(request.inputs(), request.platforms(), repository + ":" + tag, null, extra,
                request.source(), request.revision(), request.environment(), request.workingDirectory()));
    }
}
