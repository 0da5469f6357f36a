package com.orodc.image;

import com.google.cloud.tools.jib.api.CacheDirectoryCreationException;
import com.google.cloud.tools.jib.api.Containerizer;
import com.google.cloud.tools.jib.api.Credential;
import com.google.cloud.tools.jib.api.DockerDaemonImage;
import com.google.cloud.tools.jib.api.ImageReference;
import com.google.cloud.tools.jib.api.InvalidImageReferenceException;
import com.google.cloud.tools.jib.api.JibContainer;
import com.google.cloud.tools.jib.api.JibContainerBuilder;
import com.google.cloud.tools.jib.api.LogEvent;
import com.google.cloud.tools.jib.api.RegistryException;
import com.google.cloud.tools.jib.api.RegistryImage;
import com.google.cloud.tools.jib.api.TarImage;
import com.google.cloud.tools.jib.event.events.ProgressEvent;
import com.google.cloud.tools.jib.frontend.CredentialRetrieverFactory;
import com.orodc.core.ComponentVersions;
import com.orodc.core.ExitCode;
import com.orodc.core.OrodcException;
import com.orodc.core.Reporter;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;

/**
 * Builds the proxy image: every input fetched and verified first, then one image per platform with
 * jib on a base that carries s6-overlay's symlinks, then (for a registry) the manifest list.
 */
public final class ProxyImageBuilder {
    private final Reporter reporter;
    private final Supplier<LocalEngine> docker;

    public ProxyImageBuilder(Reporter reporter, Supplier<LocalEngine> docker) {
        this.reporter = reporter;
        this.docker = docker;
    }

    public BuildResult build(BuildRequest request) {
        ImageInputs inputs = request.inputs();
        ImageTarget target = ImageTarget.parse(request.target(), request.workingDirectory(), request.localName());
        List<Platform> platforms = request.platforms().isEmpty()
                ? (target instanceof ImageTarget.Registry ? Platform.all() : List.of(Platform.host()))
                : request.platforms();
        if (!(target instanceof ImageTarget.Registry) && platforms.size() != 1) {
            throw OrodcException.usage("--to " + request.target() + " holds one platform; give one --platform or push to a registry");
        }
        if (target instanceof ImageTarget.Docker && platforms.get(0) != Platform.host()) {
            throw OrodcException.usage("the local Docker engine runs " + Platform.host().id() + " images; use --to tar:FILE or a registry for "
                    + platforms.get(0).id());
        }
        String pushRegistry = target instanceof ImageTarget.Registry r ? r.location().registry() : null;
        ArtifactCache cache = new ArtifactCache(request.cacheDirectory());
        HttpFetcher http = new HttpFetcher(reporter);
        RegistryApi registry = new RegistryApi(http, new RegistryCredentials(request.environment(), pushRegistry),
                inputs.allowInsecureRegistries());

        long start = System.nanoTime();
        String traefik = new TraefikVersion(cache, http, inputs.releasesApi(), inputs.offline(), reporter).resolve(inputs.traefikVersion());
        List<PlatformComponents> components = new ComponentResolver(inputs, cache, http, registry, reporter).resolve(platforms, traefik);

        reporter.debug("inputs resolved and verified in " + (System.nanoTime() - start) / 1_000_000 + " ms");
        String version = ComponentVersions.load().orodc();
        List<ImageResources.ImageFile> files = ImageResources.files();
        Map<String, String> environment = ImageResources.environment();
        // platforms share nothing but the content-addressed cache: build them side by side
        ExecutorService pool = Executors.newFixedThreadPool(components.size());
        List<BuildResult.PlatformImage> images = new ArrayList<>();
        try {
            List<Future<BuildResult.PlatformImage>> futures = new ArrayList<>();
            for (PlatformComponents c : components) {
                futures.add(pool.submit(() -> buildOne(c, target, platforms.size() > 1, cache, registry, inputs, files, environment,
                        ImageLabels.of(c, version, request.source(), request.revision()))));
            }
            for (Future<BuildResult.PlatformImage> f : futures) {
                images.add(f.get());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OrodcException(ExitCode.FAILURE, "the image build was interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new OrodcException(ExitCode.FAILURE, "building the image failed: " + oneLine(e.getCause()), e.getCause());
        } finally {
            pool.shutdownNow();
        }

        List<String> tags = new ArrayList<>();
        String listDigest = null;
        if (target instanceof ImageTarget.Registry r) {
            tags.add(r.location().tag());
            tags.addAll(request.extraTags());
            if (platforms.size() > 1) {
                listDigest = ManifestLists.push(registry, r.location(), images, tags);
            } else {
                for (String extra : request.extraTags()) {
                    ManifestLists.retag(registry, r.location(), images.get(0).digest(), extra);
                }
            }
        }
        return new BuildResult(describe(target), images, listDigest, tags);
    }

    private BuildResult.PlatformImage buildOne(PlatformComponents c, ImageTarget target, boolean multi, ArtifactCache cache,
                                               RegistryApi registry, ImageInputs inputs, List<ImageResources.ImageFile> files,
                                               Map<String, String> environment, Map<String, String> labels) {
        TarLayer s6 = S6OverlayLayer.of(List.of(c.s6Noarch().file(), c.s6Arch().file()), cache);
        Path base = BaseImageTarball.assemble(c.base().config(), c.base().layers(), s6,
                "s6-overlay " + c.s6OverlayVersion() + " (" + c.platform().s6Architecture() + ")", cache);
        JibContainerBuilder builder = ProxyContainer.builder(base, c, files, environment, labels, cache.derived("files"));
        reporter.info("building " + c.platform().id());
        long start = System.nanoTime();
        JibContainer built = containerize(builder, containerizer(target, c.platform(), multi, cache, registry, inputs), target);
        reporter.debug(c.platform().id() + " built by jib in " + (System.nanoTime() - start) / 1_000_000 + " ms");
        return new BuildResult.PlatformImage(c.platform(), built.getDigest().toString(), built.getImageId().toString(),
                c.traefikVersion(), c.s6OverlayVersion(), c.base().manifestDigest(), c.socks5Image().manifestDigest());
    }

    private Containerizer containerizer(ImageTarget target, Platform platform, boolean multi, ArtifactCache cache,
                                        RegistryApi registry, ImageInputs inputs) {
        try {
            Containerizer c;
            if (target instanceof ImageTarget.Docker d) {
                c = Containerizer.to(new JibDockerBridge(docker), DockerDaemonImage.named(d.name()));
            } else if (target instanceof ImageTarget.Tar t) {
                c = Containerizer.to(TarImage.at(partFile(t.file())).named(t.name()));
            } else {
                ImageLocation location = ((ImageTarget.Registry) target).location();
                // with several platforms each image gets its own tag; the list takes the requested one
                String tag = multi ? location.tag() + "-" + platform.architecture() : location.tag();
                ImageReference reference = ImageReference.parse(location.registry() + "/" + location.repository() + ":" + tag);
                // ours first (variables, auths); then docker's credential helpers (credsStore, credHelpers) through jib
                RegistryImage image = RegistryImage.named(reference)
                        .addCredentialRetriever(() -> registryCredential(registry, location))
                        .addCredentialRetriever(CredentialRetrieverFactory.forImage(reference, this::log)
                                .dockerConfig(registry.credentials().dockerConfig()));
                c = Containerizer.to(image).setAllowInsecureRegistries(location.isLocalhost() || inputs.allowInsecureRegistries());
            }
            return c.setToolName("orodc")
                    .setBaseImageLayersCache(cache.derived("jib-base"))
                    .setApplicationLayersCache(cache.derived("jib-application"))
                    .addEventHandler(LogEvent.class, this::log)
                    .addEventHandler(ProgressEvent.class, e -> reporter.progress(e.getAllocation().getDescription(),
                            e.getUnits(), e.getAllocation().getAllocationUnits()));
        } catch (InvalidImageReferenceException e) {
            throw OrodcException.usage("'" + e.getMessage() + "' is not a valid image name");
        }
    }

    private static Optional<Credential> registryCredential(RegistryApi registry, ImageLocation location) {
        return registry.credentials().forRegistry(location.registry()).map(c -> Credential.from(c.user(), c.password()));
    }

    private JibContainer containerize(JibContainerBuilder builder, Containerizer containerizer, ImageTarget target) {
        try {
            JibContainer container = builder.containerize(containerizer);
            if (target instanceof ImageTarget.Tar t) {
                ArtifactCache.moveInto(partFile(t.file()), t.file());
            }
            return container;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OrodcException(ExitCode.FAILURE, "the image build was interrupted", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new OrodcException(ExitCode.FAILURE, "building the image for " + describe(target) + " failed: " + oneLine(cause), cause);
        } catch (RegistryException | IOException | CacheDirectoryCreationException e) {
            throw new OrodcException(ExitCode.FAILURE, "building the image for " + describe(target) + " failed: " + oneLine(e), e);
        } finally {
            if (target instanceof ImageTarget.Tar t) {
                try {
                    Files.deleteIfExists(partFile(t.file()));
                } catch (IOException ignored) {
                    // a leftover .part file names itself as unfinished
                }
            }
        }
    }

    private void log(LogEvent e) {
        switch (e.getLevel()) {
            case ERROR -> reporter.error(e.getMessage());
            case WARN -> reporter.warn(e.getMessage());
            case LIFECYCLE -> reporter.info(e.getMessage());
            default -> reporter.debug(e.getMessage());
        }
    }

    private static Path partFile(Path file) {
        return file.resolveSibling(file.getFileName() + ".part");
    }

    static String describe(ImageTarget target) {
        if (target instanceof ImageTarget.Docker d) {
            return "docker:" + d.name();
        }
        if (target instanceof ImageTarget.Tar t) {
            return "tar:" + t.file();
        }
        return ((ImageTarget.Registry) target).location().toString();
    }

    private static String oneLine(Throwable t) {
        String m = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        return m.replaceAll("\\s*\\R\\s*", " ");
    }
}
