package com.orodc.image;

import com.orodc.core.OrodcException;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The files of ours that go into the image, read from the application's resources: the s6-overlay
 * service definitions, s6-overlay scripts, and the container environment ({@code image.env}).
 */
public final class ImageResources {
    public static final String SERVICES = "orodc/s6-rc.d";
    public static final String SCRIPTS = "orodc/s6-overlay/scripts";
    public static final String ENVIRONMENT = "orodc/docker/image.env";
    public static final String SERVICES_TARGET = "/etc/s6-overlay/s6-rc.d";
    public static final String SCRIPTS_TARGET = "/etc/s6-overlay/scripts";
    private static final List<String> EXECUTABLE_NAMES = List.of("run", "up", "finish");

    /** One file for the image: where it goes, its mode, its content. */
    public record ImageFile(String target, int mode, byte[] content) {
    }

    private ImageResources() {
    }

    /** Every file, sorted by target path, with the mode it gets: scripts and run/up/finish 0755, others 0644. */
    public static List<ImageFile> files() {
        Map<String, ImageFile> files = new TreeMap<>();
        tree(SERVICES).forEach((rel, content) -> {
            String name = rel.substring(rel.lastIndexOf('/') + 1);
            files.put(SERVICES_TARGET + "/" + rel,
                    new ImageFile(SERVICES_TARGET + "/" + rel, EXECUTABLE_NAMES.contains(name) ? 0755 : 0644, content));
        });
        tree(SCRIPTS).forEach((rel, content) ->
                files.put(SCRIPTS_TARGET + "/" + rel, new ImageFile(SCRIPTS_TARGET + "/" + rel, 0755, content)));
        return List.copyOf(files.values());
    }

    /** {@code KEY=VALUE} lines of image.env, in file order; empty when the file is absent. */
    public static Map<String, String> environment() {
        Map<String, String> env = new LinkedHashMap<>();
        try (InputStream in = loader().getResourceAsStream(ENVIRONMENT)) {
            if (in == null) {
                return env;
            }
            for (String raw : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\\R")) {
                String line = raw.strip();
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                int eq = line.indexOf('=');
                if (eq <= 0) {
                    throw new IllegalStateException(ENVIRONMENT + " has a line that is not KEY=VALUE: " + line);
                }
                String value = line.substring(eq + 1).strip();
                if (value.length() >= 2 && (value.startsWith("\"") && value.endsWith("\"") || value.startsWith("'") && value.endsWith("'"))) {
                    value = value.substring(1, value.length() - 1);
                }
                env.put(line.substring(0, eq).strip(), value);
            }
        } catch (IOException e) {
            throw OrodcException.io("cannot read " + ENVIRONMENT + " from the application: " + e.getMessage(), e);
        }
        return env;
    }

    /** Regular files under a resource folder, by path relative to it. */
    static Map<String, byte[]> tree(String folder) {
        URL url = loader().getResource(folder);
        if (url == null) {
            url = fromCodeSource(folder);
        }
        return url == null ? new TreeMap<>() : treeAt(url, folder);
    }

    private static Map<String, byte[]> treeAt(URL url, String folder) {
        Map<String, byte[]> files = new TreeMap<>();
        try {
            URI uri = url.toURI();
            if ("jar".equals(uri.getScheme())) {
                FileSystem fs;
                boolean opened = false;
                try {
                    fs = FileSystems.newFileSystem(uri, Map.of());
                    opened = true;
                } catch (FileSystemAlreadyExistsException e) {
                    fs = FileSystems.getFileSystem(uri);
                }
                try {
                    collect(fs.provider().getPath(uri), files);
                } finally {
                    if (opened) {
                        fs.close();
                    }
                }
            } else if ("file".equals(uri.getScheme())) {
                collect(Path.of(uri), files);
            } else {
                URL fallback = fromCodeSource(folder);
                return fallback == null || fallback.equals(url) ? files : treeAt(fallback, folder);
            }
        } catch (IOException | URISyntaxException e) {
            throw OrodcException.io("cannot read " + folder + " from the application: " + e.getMessage(), e);
        }
        return files;
    }

    private static void collect(Path root, Map<String, byte[]> files) throws IOException {
        if (!Files.isDirectory(root)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : (Iterable<Path>) walk.sorted()::iterator) {
                if (Files.isRegularFile(p)) {
                    String rel = root.relativize(p).toString().replace('\\', '/');
                    files.put(rel.endsWith("/") ? rel.substring(0, rel.length() - 1) : rel, Files.readAllBytes(p));
                }
            }
        }
    }

    /** Class loaders of packaged applications may not list folders; the jar or folder holding this class can. */
    private static URL fromCodeSource(String folder) {
        try {
            var source = ImageResources.class.getProtectionDomain().getCodeSource();
            if (source == null) {
                return null;
            }
            Path location = Path.of(source.getLocation().toURI());
            if (Files.isDirectory(location)) {
                Path dir = location.resolve(folder);
                return Files.isDirectory(dir) ? dir.toUri().toURL() : null;
            }
            try (FileSystem fs = FileSystems.newFileSystem(location)) {
                if (!Files.isDirectory(fs.getPath(folder))) {
                    return null;
                }
            }
            return URI.create("jar:" + location.toUri() + "!/" + folder).toURL();
        } catch (IOException | URISyntaxException | IllegalArgumentException e) {
            return null;
        }
    }

    private static ClassLoader loader() {
        ClassLoader l = Thread.currentThread().getContextClassLoader();
        return l != null ? l : ImageResources.class.getClassLoader();
    }
}
