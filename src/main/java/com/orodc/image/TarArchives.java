package com.orodc.image;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.zip.GZIPInputStream;

/** Reading tar archives as they come: plain, gzip (image layers, Traefik) or xz (s6-overlay). */
public final class TarArchives {
    private TarArchives() {
    }

    public static TarArchiveInputStream open(Path archive) throws IOException {
        InputStream in = new BufferedInputStream(Files.newInputStream(archive), 65536);
        in.mark(8);
        byte[] magic = in.readNBytes(6);
        in.reset();
        if (magic.length >= 2 && (magic[0] & 0xff) == 0x1f && (magic[1] & 0xff) == 0x8b) {
            in = new GZIPInputStream(in, 65536);
        } else if (magic.length == 6 && (magic[0] & 0xff) == 0xfd && magic[1] == '7' && magic[2] == 'z' && magic[3] == 'X'
                && magic[4] == 'Z' && magic[5] == 0) {
            in = new XZCompressorInputStream(in);
        }
        return new TarArchiveInputStream(in);
    }

    /** An entry's path inside the image: no leading "./" or "/", no trailing "/"; "" for the root. */
    public static String normalize(String name) {
        String n = name;
        while (n.startsWith("./")) {
            n = n.substring(2);
        }
        while (n.startsWith("/")) {
            n = n.substring(1);
        }
        while (n.endsWith("/")) {
            n = n.substring(0, n.length() - 1);
        }
        return n.equals(".") ? "" : n;
    }

    /**
     * Copies the regular file {@code path} out of the first archive (in the given order) that has it,
     * into the cache; returns its sum.
     */
    public static Optional<String> extractFile(List<Path> archives, String path, ArtifactCache cache) {
        String wanted = normalize(path);
        for (Path archive : archives) {
            try (TarArchiveInputStream tar = open(archive)) {
                for (TarArchiveEntry e; (e = tar.getNextEntry()) != null; ) {
                    if (e.isFile() && normalize(e.getName()).equals(wanted)) {
                        return Optional.of(cache.put(tar, null));
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + archive, e);
            }
        }
        return Optional.empty();
    }
}
