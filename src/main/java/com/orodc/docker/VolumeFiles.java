package com.orodc.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Bind;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.Volume;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads small text files out of a named Docker volume without starting anything: a container is created
 * (never started) with the volume mounted, the files are copied out as a tar stream, and it is removed.
 */
public final class VolumeFiles {
    private static final String MOUNT = "/orodc-volume";

    private final DockerClient docker;

    VolumeFiles(DockerClient docker) {
        this.docker = docker;
    }

    public boolean exists(String volume) {
        try {
            docker.inspectVolumeCmd(volume).exec();
            return true;
        } catch (NotFoundException e) {
            return false;
        }
    }

    /** The files of {@code names} found in {@code volume}, by name; a missing file is simply absent. */
    public Map<String, String> read(String volume, String image, List<String> names) {
        String id = EngineException.call(() -> docker.createContainerCmd(image)
                .withEntrypoint("/bin/true")
                .withLabels(Map.of("orodc.managed", "true", "orodc.purpose", "read-volume"))
                .withHostConfig(HostConfig.newHostConfig().withBinds(new Bind(volume, new Volume(MOUNT), true)))
                .exec().getId());
        try {
            Map<String, String> files = new LinkedHashMap<>();
            for (String name : names) {
                readOne(id, name).ifPresent(content -> files.put(name, content));
            }
            return files;
        } finally {
            EngineException.run(() -> docker.removeContainerCmd(id).withForce(true).exec());
        }
    }

    private Optional<String> readOne(String containerId, String name) {
        try (InputStream tar = docker.copyArchiveFromContainerCmd(containerId, MOUNT + "/" + name).exec()) {
            return Optional.of(new String(singleEntry(tar), StandardCharsets.UTF_8));
        } catch (NotFoundException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + name + " from the volume: " + e.getMessage(), e);
        }
    }

    /** The content of the first file in a ustar stream: the archive Docker sends for one path. */
    static byte[] singleEntry(InputStream tar) throws IOException {
        byte[] header = tar.readNBytes(512);
        if (header.length < 512) {
            throw new IOException("empty archive");
        }
        String octal = new String(header, 124, 12, StandardCharsets.US_ASCII).replace("\0", "").trim();
        long size = Long.parseLong(octal.isEmpty() ? "0" : octal, 8);
        if (size > 1024 * 1024) {
            throw new IOException("file too large for a certificate: " + size + " bytes");
        }
        return tar.readNBytes((int) size);
    }
}
