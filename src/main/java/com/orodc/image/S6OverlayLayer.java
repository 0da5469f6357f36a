package com.orodc.image;

import com.orodc.core.Sha256;
import com.orodc.core.ExitCode;
import com.orodc.core.OrodcException;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.GZIPOutputStream;

/**
 * s6-overlay's tarballs as one image layer that keeps what {@code tar -C / -Jxpf} would make of them:
 * symlinks as symlinks, modes, owners and times as in the tarballs, later tarballs over earlier ones.
 * jib cannot write symlinks, so this layer is written here and sits in the base under jib's layers.
 */
public final class S6OverlayLayer {
    /** Alpine's own system folders (some are links or special); nothing of ours goes under them. */
    public static final List<String> PROTECTED = List.of("bin", "lib", "sbin", "var/run", "tmp");
    private static final String FORMAT = "s6-layer-1";

    private S6OverlayLayer() {
    }

    /** The layer for these tarballs, from the cache when it was made before. */
    public static TarLayer of(List<Path> tarballs, ArtifactCache cache) {
        StringBuilder key = new StringBuilder(FORMAT);
        for (Path t : tarballs) {
            key.append(' ').append(Sha256.of(t));
        }
        Path dir = cache.derived("layers");
        String name = Sha256.of(key.toString().getBytes(StandardCharsets.UTF_8));
        Path file = dir.resolve(name + ".tar.gz");
        Path meta = dir.resolve(name + ".digests");
        try {
            if (Files.isRegularFile(file) && Files.isRegularFile(meta)) {
                String[] digests = Files.readString(meta).strip().split(" ");
                return new TarLayer(file, digests[0], digests[1], Files.size(file));
            }
            Map<String, Entry> tree = merge(tarballs);
            Path temp = Files.createTempFile(dir, "layer", ".part");
            String[] digests = write(tree, temp);
            ArtifactCache.moveInto(temp, file);
            Files.writeString(meta, digests[0] + " " + digests[1] + "\n");
            return new TarLayer(file, digests[0], digests[1], Files.size(file));
        } catch (IOException e) {
            throw OrodcException.io("cannot assemble the s6-overlay layer in " + dir + ": " + e.getMessage(), e);
        }
    }

    record Entry(TarArchiveEntry header, byte[] content) {
    }

    static Map<String, Entry> merge(List<Path> tarballs) throws IOException {
        Map<String, Entry> tree = new TreeMap<>();
        for (Path tarball : tarballs) {
            try (TarArchiveInputStream tar = TarArchives.open(tarball)) {
                for (TarArchiveEntry e; (e = tar.getNextEntry()) != null; ) {
                    String path = TarArchives.normalize(e.getName());
                    if (path.isEmpty()) {
                        continue; // "./": extracting with -C / must not change the root folder
                    }
                    for (String p : PROTECTED) {
                        if (path.equals(p) || path.startsWith(p + "/")) {
                            throw new OrodcException(ExitCode.FAILURE, tarball.getFileName() + " has " + e.getName()
                                    + ", under /" + p + " which the image must not change; use another s6-overlay version");
                        }
                    }
                    if (e.isLink()) {
                        // a hard link becomes a copy of its target: same content, independent of entry order
                        Entry target = tree.get(TarArchives.normalize(e.getLinkName()));
                        if (target == null) {
                            throw new OrodcException(ExitCode.FAILURE, tarball.getFileName() + ": hard link " + e.getName()
                                    + " points to " + e.getLinkName() + " which comes nowhere before it");
                        }
                        TarArchiveEntry copy = header(path, TarArchiveEntry.LF_NORMAL, e);
                        copy.setSize(target.content().length);
                        tree.put(path, new Entry(copy, target.content()));
                    } else if (e.isSymbolicLink()) {
                        TarArchiveEntry link = header(path, TarArchiveEntry.LF_SYMLINK, e);
                        link.setLinkName(e.getLinkName());
                        tree.put(path, new Entry(link, new byte[0]));
                    } else if (e.isDirectory()) {
                        tree.put(path, new Entry(header(path + "/", TarArchiveEntry.LF_DIR, e), new byte[0]));
                    } else if (e.isFile()) {
                        byte[] content = tar.readAllBytes();
                        TarArchiveEntry file = header(path, TarArchiveEntry.LF_NORMAL, e);
                        file.setSize(content.length);
                        tree.put(path, new Entry(file, content));
                    } else {
                        throw new OrodcException(ExitCode.FAILURE, tarball.getFileName() + " has " + e.getName()
                                + " which is neither file, folder nor link; use another s6-overlay version");
                    }
                }
            }
        }
        return tree;
    }

    private static TarArchiveEntry header(String name, byte type, TarArchiveEntry from) {
        TarArchiveEntry h = new TarArchiveEntry(name, type);
        h.setMode(from.getMode() & 07777);
        h.setUserId(from.getLongUserId());
        h.setGroupId(from.getLongGroupId());
        h.setUserName("");
        h.setGroupName("");
        h.setModTime(from.getModTime());
        return h;
    }

    /** Writes the tree as a gzip tar; returns the blob digest and the diff id. */
    private static String[] write(Map<String, Entry> tree, Path target) throws IOException {
        MessageDigest blob = Sha256.digest();
        MessageDigest diff = Sha256.digest();
        try (OutputStream file = new BufferedOutputStream(Files.newOutputStream(target), 65536);
             DigestOutputStream blobOut = new DigestOutputStream(file, blob);
             // GZIPOutputStream writes no time or name into its header: same tree, same bytes
             GZIPOutputStream gzip = new GZIPOutputStream(blobOut, 65536);
             DigestOutputStream diffOut = new DigestOutputStream(gzip, diff);
             TarArchiveOutputStream tar = new TarArchiveOutputStream(diffOut, StandardCharsets.UTF_8.name())) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
            for (Entry e : tree.values()) {
                tar.putArchiveEntry(e.header());
                if (e.content().length > 0) {
                    tar.write(e.content());
                }
                tar.closeArchiveEntry();
            }
            tar.finish();
        }
        return new String[] {"sha256:" + Sha256.hex(blob), "sha256:" + Sha256.hex(diff)};
    }
}
