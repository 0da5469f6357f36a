package com.orodc.image;

import com.orodc.core.ExitCode;
import com.orodc.core.OrodcException;
import com.orodc.core.Reporter;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Fetches and verifies every input of every platform before anything is built, so that a bad
 * download stops the build with nothing pushed or loaded. Offline, it names everything missing at once.
 */
public final class ComponentResolver {
    private final ImageInputs inputs;
    private final ReleaseDownloads downloads;
    private final ImagePull images;
    private final ArtifactCache cache;
    private final Reporter reporter;

    public ComponentResolver(ImageInputs inputs, ArtifactCache cache, HttpFetcher http, RegistryApi registry, Reporter reporter) {
        this.inputs = inputs;
        this.cache = cache;
        this.downloads = new ReleaseDownloads(cache, http, inputs.mirror(), inputs.offline());
        this.images = new ImagePull(registry, cache, inputs.offline(), inputs.registryMirror());
        this.reporter = reporter;
    }

    public List<PlatformComponents> resolve(List<Platform> platforms, String traefikVersion) {
        Set<String> missing = new LinkedHashSet<>();
        List<PlatformComponents> result = new ArrayList<>();
        String s6 = inputs.s6OverlayVersion();
        for (Platform p : platforms) {
            reporter.info("resolving " + p.id() + ": traefik " + traefikVersion + ", s6-overlay " + s6
                    + ", base " + inputs.baseImage() + ", socks5 " + inputs.socks5Image());
            var traefik = attempt(missing, () -> downloads.fetch(ReleaseAsset.traefik(traefikVersion, p),
                    ReleaseAsset.traefikChecksums(traefikVersion)));
            var noarch = attempt(missing, () -> downloads.fetch(ReleaseAsset.s6Noarch(s6), ReleaseAsset.s6Noarch(s6).sha256File()));
            var arch = attempt(missing, () -> downloads.fetch(ReleaseAsset.s6Arch(s6, p), ReleaseAsset.s6Arch(s6, p).sha256File()));
            var base = attempt(missing, () -> images.pull(inputs.baseImage(), p));
            var socks5 = attempt(missing, () -> images.pull(inputs.socks5Image(), p));
            if (traefik == null || noarch == null || arch == null || base == null || socks5 == null) {
                continue;
            }
            Path traefikBinary = binary(List.of(traefik.file()), "traefik", traefik.asset().fileName());
            Path socks5Binary = binary(topFirst(socks5.layers()), "socks5", inputs.socks5Image() + " (" + p.id() + ")");
            result.add(new PlatformComponents(p, traefikVersion, traefik, traefikBinary, s6, noarch, arch, base, socks5, socks5Binary));
        }
        if (!missing.isEmpty()) {
            throw new OrodcException(ExitCode.FAILURE, "--offline, but the cache lacks: " + String.join(", ", missing)
                    + "; run the build once without --offline");
        }
        return result;
    }

    /** A file taken out of archives; remembered by the archives' sums so a warm build skips the unpacking. */
    private Path binary(List<Path> archives, String name, String from) {
        StringBuilder key = new StringBuilder("file /" + name + " of");
        archives.forEach(a -> key.append(' ').append(a.getFileName()));
        var known = cache.ref(key.toString());
        if (known.isPresent()) {
            return cache.blob(known.get()).orElseThrow();
        }
        String sum = TarArchives.extractFile(archives, name, cache).orElseThrow(() -> new OrodcException(ExitCode.FAILURE,
                from + " has no file /" + name + "; check the version or image"));
        cache.ref(key.toString(), sum);
        return cache.blob(sum).orElseThrow();
    }

    /** Upper layers hide lower ones: look from the top down. */
    private static List<Path> topFirst(List<Path> layers) {
        List<Path> copy = new ArrayList<>(layers);
        Collections.reverse(copy);
        return copy;
    }

    private static <T> T attempt(Set<String> missing, Supplier<T> step) {
        try {
            return step.get();
        } catch (MissingFromCache e) {
            missing.add(e.getMessage());
            return null;
        }
    }
}
