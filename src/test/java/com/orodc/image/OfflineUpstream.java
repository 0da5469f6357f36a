package com.orodc.image;

import com.orodc.testing.CliDriver;
import com.orodc.testing.Shell;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Everything {@code orodc proxy-image build} downloads, served on 127.0.0.1: a release server in GitHub's
 * layout for {@code ORODC_MIRROR} and a registry holding the base and SOCKS5 images.
 */
final class OfflineUpstream implements AutoCloseable {
    final Path work;
    final Upstream upstream;
    final ReleaseServer releases;
    final TestRegistry registry;
    final String base;
    final String socks5;

    private OfflineUpstream(Path work, Upstream upstream, ReleaseServer releases, TestRegistry registry) {
        this.work = work;
        this.upstream = upstream;
        this.releases = releases;
        this.registry = registry;
        this.base = registry.host() + "/orodc-t-image/base:1";
        this.socks5 = registry.host() + "/orodc-t-image/socks5:1";
    }

    /** Serves layout-faithful fixtures: a Traefik that only has the right ELF machine, a plain base. */
    static OfflineUpstream start() throws IOException {
        return start(Upstream.TraefikStandIn.ELF);
    }

    static OfflineUpstream start(Upstream.TraefikStandIn traefik) throws IOException {
        Path work = Files.createTempDirectory("orodc-t-image");
        try {
            Upstream upstream = new Upstream(work).makeReleases(traefik);
            ReleaseServer releases = new ReleaseServer();
            upstream.serveOn(releases);
            try {
                OfflineUpstream served = new OfflineUpstream(work, upstream, releases, new TestRegistry());
                try {
                    RegistryApi api = Upstream.registryApi();
                    upstream.pushBase(api, ImageLocation.parse(served.base), traefik == Upstream.TraefikStandIn.SERVER);
                    upstream.pushSocks5(api, ImageLocation.parse(served.socks5));
                    return served;
                } catch (IOException | RuntimeException | Error e) {
                    served.registry.close();
                    throw e;
                }
            } catch (IOException | RuntimeException | Error e) {
                releases.close();
                throw e;
            }
        } catch (IOException | RuntimeException | Error e) {
            Shell.run("rm", "-rf", work.toString());
            throw e;
        }
    }

    /** Points orodc's image build at what is served here. */
    <T extends CliDriver> T configure(T cli) {
        cli.env(ImageInputs.MIRROR_VARIABLE, releases.base())
                .env(ImageInputs.BASE_VARIABLE, base)
                .env(ImageInputs.SOCKS5_VARIABLE, socks5)
                .env(ImageInputs.TRAEFIK_VARIABLE, Upstream.TRAEFIK)
                .env(ImageInputs.S6_VARIABLE, Upstream.S6);
        return cli;
    }

    @Override
    public void close() {
        releases.close();
        registry.close();
        Shell.run("rm", "-rf", work.toString());
    }
}
