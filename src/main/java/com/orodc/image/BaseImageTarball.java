package com.orodc.image;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.orodc.core.ExitCode;
import com.orodc.core.OrodcException;
import com.orodc.core.Sha256;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

/**
 * The base jib builds on, in {@code docker save} form: the base image's own layers (as the registry
 * served them) plus the s6-overlay layer with its symlinks. Assembled once per inputs and kept in the cache.
 */
public final class BaseImageTarball {
    private static final Date FIXED_TIME = new Date(0);

    private BaseImageTarball() {
    }

    /**
     * @param configJson the base image's config blob
     * @param layers     the base image's layer blobs (gzip tars), bottom first
     */
    public static Path assemble(byte[] configJson, List<Path> layers, TarLayer s6Layer, String s6Description, ArtifactCache cache) {
        ObjectMapper json = new ObjectMapper();
        try {
            ObjectNode config = (ObjectNode) json.readTree(configJson);
            ObjectNode rootfs = config.with("rootfs");
            rootfs.put("type", "layers");
            ArrayNode diffIds = rootfs.withArray("diff_ids");
            if (diffIds.size() != layers.size()) {
                throw new OrodcException(ExitCode.FAILURE, "the base image lists " + diffIds.size()
                        + " layers in its config but " + layers.size() + " in its manifest; choose another base image");
            }
            diffIds.add(s6Layer.diffId());
            ArrayNode history = config.withArray("history");
            history.addObject().put("created", "1970-01-01T00:00:00Z").put("created_by", s6Description);
            byte[] newConfig = json.writeValueAsBytes(config);

            List<Path> all = new ArrayList<>(layers);
            all.add(s6Layer.file());
            StringBuilder key = new StringBuilder(Sha256.of(newConfig));
            List<String> names = new ArrayList<>();
            for (Path layer : all) {
                String sum = layer.equals(s6Layer.file()) ? Sha256.fromDigest(s6Layer.blobDigest()) : layer.getFileName().toString();
                key.append(' ').append(sum);
                names.add(sum + ".tar.gz");
            }
            Path dir = cache.derived("bases");
            Path target = dir.resolve(Sha256.of(key.toString().getBytes(StandardCharsets.UTF_8)) + ".tar");
            if (Files.isRegularFile(target)) {
                return target;
            }
            ArrayNode manifest = json.createArrayNode();
            ObjectNode entry = manifest.addObject();
            entry.put("Config", "config.json");
            entry.putArray("RepoTags");
            ArrayNode layerNames = entry.putArray("Layers");
            names.forEach(layerNames::add);

            Path temp = Files.createTempFile(dir, "base", ".part");
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(temp), 65536);
                 TarArchiveOutputStream tar = new TarArchiveOutputStream(out)) {
                tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
                tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
                put(tar, "manifest.json", json.writeValueAsBytes(manifest));
                put(tar, "config.json", newConfig);
                for (int i = 0; i < all.size(); i++) {
                    TarArchiveEntry e = new TarArchiveEntry(names.get(i));
                    e.setSize(Files.size(all.get(i)));
                    e.setModTime(FIXED_TIME);
                    tar.putArchiveEntry(e);
                    Files.copy(all.get(i), tar);
                    tar.closeArchiveEntry();
                }
                tar.finish();
            }
            ArtifactCache.moveInto(temp, target);
            return target;
        } catch (IOException e) {
            throw OrodcException.io("cannot assemble the base image in " + cache.root() + ": " + e.getMessage(), e);
        }
    }

    private static void put(TarArchiveOutputStream tar, String name, byte[] content) throws IOException {
        TarArchiveEntry e = new TarArchiveEntry(name);
        e.setSize(content.length);
        e.setModTime(FIXED_TIME);
        tar.putArchiveEntry(e);
        tar.write(content);
        tar.closeArchiveEntry();
    }
}
