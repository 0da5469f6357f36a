package com.orodc.workflow.image;

import com.orodc.core.Reporter;
import com.orodc.image.HttpFetcher;
import com.orodc.image.ImageInputs;
import com.orodc.image.ImageInspector;
import com.orodc.image.RegistryApi;
import com.orodc.image.RegistryCredentials;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** {@code orodc proxy-image inspect}: the platforms of a published image and what each was built from. */
public final class ProxyImageInspect {
    public record Platform(String platform, String digest, List<String> entrypoint, Map<String, String> labels) {
    }

    public record Result(String reference, String digest, boolean list, List<Platform> platforms) {
    }

    private final Reporter reporter;

    public ProxyImageInspect(Reporter reporter) {
        this.reporter = reporter;
    }

    public Result run(String reference, boolean allowInsecureRegistries, Map<String, String> environment) {
        RegistryApi registry = new RegistryApi(new HttpFetcher(reporter), new RegistryCredentials(environment, null), allowInsecureRegistries);
        ImageInspector.Inspection i = new ImageInspector(registry).inspect(reference, environment.get(ImageInputs.REGISTRY_MIRROR_VARIABLE));
        List<Platform> platforms = new ArrayList<>();
        i.platforms().forEach(p -> platforms.add(new Platform(p.platform(), p.digest(), p.entrypoint(), p.labels())));
        return new Result(i.reference(), i.digest(), i.list(), platforms);
    }
}
