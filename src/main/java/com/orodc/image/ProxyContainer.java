package com.orodc.image;

import com.google.cloud.tools.jib.api.Jib;
import com.google.cloud.tools.jib.api.JibContainerBuilder;
import com.google.cloud.tools.jib.api.TarImage;
import com.google.cloud.tools.jib.api.buildplan.AbsoluteUnixPath;
import com.google.cloud.tools.jib.api.buildplan.FileEntriesLayer;
import com.google.cloud.tools.jib.api.buildplan.FilePermissions;
import com.google.cloud.tools.jib.api.buildplan.ImageFormat;
import com.google.cloud.tools.jib.api.buildplan.Port;
import com.orodc.core.OrodcException;
import com.orodc.core.Sha256;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One platform's image as jib builds it: the assembled base (base image + s6-overlay layer) and on
 * top the binaries and our service files, each with an explicit mode and a fixed time.
 */
public final class ProxyContainer {
    public static final String TRAEFIK_PATH = "/usr/local/bin/traefik";
    public static final String SOCKS5_PATH = "/usr/local/bin/socks5";
    public static final List<Integer> PORTS = List.of(80, 443, 1080);
    private static final Instant FILE_TIME = Instant.ofEpochSecond(1);

    private ProxyContainer() {
    }

    /** Ordered: a set with no fixed order would give a different config, hence digest, per run. */
    private static Set<Port> ports() {
        Set<Port> ports = new LinkedHashSet<>();
        PORTS.forEach(p -> ports.add(Port.tcp(p)));
        return ports;
    }

    public static JibContainerBuilder builder(Path baseTar, PlatformComponents c, List<ImageResources.ImageFile> files,
                                              Map<String, String> environment, Map<String, String> labels, Path staging) {
        try {
            JibContainerBuilder b = Jib.from(TarImage.at(baseTar));
            b.addFileEntriesLayer(FileEntriesLayer.builder().setName("binaries")
                    .addEntry(c.traefikBinary(), AbsoluteUnixPath.get(TRAEFIK_PATH), FilePermissions.fromOctalString("755"), FILE_TIME)
                    .addEntry(c.socks5Binary(), AbsoluteUnixPath.get(SOCKS5_PATH), FilePermissions.fromOctalString("755"), FILE_TIME)
                    .build());
            if (!files.isEmpty()) {
                FileEntriesLayer.Builder services = FileEntriesLayer.builder().setName("services");
                Files.createDirectories(staging);
                for (ImageResources.ImageFile f : files) {
                    Path source = staging.resolve(Sha256.of(f.content()));
                    if (!Files.exists(source)) {
                        // platforms are built side by side: never let one read a half-written file of the other
                        Path temp = Files.createTempFile(staging, "file", ".part");
                        Files.write(temp, f.content());
                        ArtifactCache.moveInto(temp, source);
                    }
                    services.addEntry(source, AbsoluteUnixPath.get(f.target()),
                            FilePermissions.fromOctalString(Integer.toOctalString(f.mode())), FILE_TIME);
                }
                b.addFileEntriesLayer(services.build());
            }
            b.setEntrypoint("/init")
                    .setProgramArguments(List.of())
                    .setExposedPorts(ports())
                    .setLabels(labels)
                    .setCreationTime(Instant.EPOCH)
                    .setFormat(ImageFormat.Docker);
            environment.forEach(b::addEnvironmentVariable);
            return b;
        } catch (IOException e) {
            throw OrodcException.io("cannot stage the image files in " + staging + ": " + e.getMessage(), e);
        }
    }
}
