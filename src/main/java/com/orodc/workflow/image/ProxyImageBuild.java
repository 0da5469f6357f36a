package com.orodc.workflow.image;

import com.orodc.core.OrodcHome;
import com.orodc.core.Reporter;
import com.orodc.docker.DockerEngine;
import com.orodc.image.BuildRequest;
import com.orodc.image.BuildResult;
import com.orodc.image.ImageInputs;
import com.orodc.image.LocalEngine;
import com.orodc.image.Platform;
import com.orodc.image.ProxyImageBuilder;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/** {@code orodc proxy-image build}: the proxy image to the local engine, a tar or a registry. */
public final class ProxyImageBuild {
    /** Settings a user gives; null means "not given" (then environment, then the pinned default). */
    public record Inputs(String baseImage, String traefikVersion, String s6OverlayVersion, String socks5Image,
                         String mirror, String releasesApi, String registryMirror, boolean offline, boolean allowInsecureRegistries) {
    }

    public record Request(Inputs inputs, List<String> platforms, String to, String name, List<String> extraTags, String source,
                          String revision, Map<String, String> environment, Path workingDirectory) {
    }

    public record Image(String platform, String digest, String traefikVersion, String s6OverlayVersion) {
    }

    public record Result(String target, List<Image> images, String listDigest, List<String> tags) {
    }

    private final Reporter reporter;
    private final Supplier<DockerEngine> docker;

    /** The local engine, when the target needs it, is the one discovery finds (DOCKER_HOST, context, sockets...). */
    public ProxyImageBuild(Reporter reporter, Map<String, String> environment) {
        this(reporter, () -> DockerEngine.connect(environment, reporter));
    }

    public ProxyImageBuild(Reporter reporter, Supplier<DockerEngine> docker) {
        this.reporter = reporter;
        this.docker = docker;
    }

    public Result run(Request request) {
        Inputs i = request.inputs();
        ImageInputs inputs = ImageInputs.resolve(request.environment(), new ImageInputs(i.baseImage(), i.traefikVersion(),
                i.s6OverlayVersion(), i.socks5Image(), i.mirror(), i.releasesApi(), i.registryMirror(), i.offline(),
                i.allowInsecureRegistries()));
        List<Platform> platforms = Platform.parseAll(request.platforms());
        Path cache = OrodcHome.from(request.environment()).cache();
        LocalEngine engine = new EngineImages(docker);
        BuildResult built = new ProxyImageBuilder(reporter, () -> engine).build(new BuildRequest(inputs, platforms, request.to(), request.name(),
                request.extraTags(), request.source(), request.revision(), cache, request.workingDirectory(), request.environment()));
        List<Image> images = new ArrayList<>();
        for (BuildResult.PlatformImage p : built.images()) {
            images.add(new Image(p.platform().id(), p.digest(), p.traefikVersion(), p.s6OverlayVersion()));
        }
        return new Result(built.target(), images, built.listDigest(), built.tags());
    }
}
