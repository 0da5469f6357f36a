package com.orodc.image;

import com.orodc.core.Sha256;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** A file tree as a map of path to what a process in the container would see: type, mode, link, content. */
record ImageTree(Map<String, Node> nodes) {

    record Node(char type, int mode, String link, String sha256, int layer, byte[] head) {
        @Override
        public String toString() {
            return type + " " + Integer.toOctalString(mode) + (link != null ? " -> " + link : "") + (sha256 != null ? " " + sha256.substring(0, 12) : "");
        }

        /** What {@code tar -x} compares equal: type, mode, link target, content. */
        String signature() {
            return type + " " + Integer.toOctalString(mode) + " " + link + " " + sha256;
        }
    }

    /** Layers applied bottom first, as the engine does (whiteouts included). */
    static ImageTree ofLayers(List<Path> layers) {
        Map<String, Node> nodes = new TreeMap<>();
        for (int i = 0; i < layers.size(); i++) {
            try (TarArchiveInputStream tar = TarArchives.open(layers.get(i))) {
                for (TarArchiveEntry e; (e = tar.getNextEntry()) != null; ) {
                    String path = TarArchives.normalize(e.getName());
                    if (path.isEmpty()) {
                        continue;
                    }
                    String name = path.substring(path.lastIndexOf('/') + 1);
                    if (name.startsWith(".wh.")) {
                        String dir = path.contains("/") ? path.substring(0, path.lastIndexOf('/')) : "";
                        String gone = (dir.isEmpty() ? "" : dir + "/") + name.substring(4);
                        nodes.keySet().removeIf(k -> k.equals(gone) || k.startsWith(gone + "/"));
                        continue;
                    }
                    int mode = e.getMode() & 07777;
                    if (e.isSymbolicLink()) {
                        nodes.put(path, new Node('l', 0777, e.getLinkName(), null, i, null));
                    } else if (e.isDirectory()) {
                        nodes.put(path, new Node('d', mode, null, null, i, null));
                    } else if (e.isLink()) {
                        Node target = nodes.get(TarArchives.normalize(e.getLinkName()));
                        nodes.put(path, new Node('f', mode, null, target.sha256(), i, target.head()));
                    } else {
                        byte[] content = tar.readAllBytes();
                        nodes.put(path, new Node('f', mode, null, Sha256.of(content), i, Arrays.copyOf(content, Math.min(64, content.length))));
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return new ImageTree(nodes);
    }

    /** A folder on disk, as {@code tar -xpf} left it. */
    static ImageTree ofFolder(Path root) {
        Map<String, Node> nodes = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : (Iterable<Path>) walk::iterator) {
                String rel = root.relativize(p).toString();
                if (rel.isEmpty()) {
                    continue;
                }
                PosixFileAttributes a = Files.readAttributes(p, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                // unix:mode has the setuid, setgid and sticky bits that PosixFilePermission leaves out
                int mode = (Integer) Files.getAttribute(p, "unix:mode", LinkOption.NOFOLLOW_LINKS) & 07777;
                if (a.isSymbolicLink()) {
                    nodes.put(rel, new Node('l', 0777, Files.readSymbolicLink(p).toString(), null, 0, null));
                } else if (a.isDirectory()) {
                    nodes.put(rel, new Node('d', mode, null, null, 0, null));
                } else {
                    byte[] content = Files.readAllBytes(p);
                    nodes.put(rel, new Node('f', mode, null, Sha256.of(content), 0, Arrays.copyOf(content, Math.min(64, content.length))));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new ImageTree(nodes);
    }

    Node get(String path) {
        return nodes.get(TarArchives.normalize(path));
    }

    /** The ELF e_machine of a file (little-endian, offset 18), or -1. */
    int elfMachine(String path) {
        Node n = get(path);
        if (n == null || n.head() == null || n.head().length < 20 || n.head()[0] != 0x7f || n.head()[1] != 'E') {
            return -1;
        }
        return (n.head()[18] & 0xff) | (n.head()[19] & 0xff) << 8;
    }
}
