package com.orodc.image;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

/** Holds for whatever service files the application carries. */
class ImageResourcesTest {
    @Test
    void everyPackagedFileGetsItsTargetAndMode() {
        var services = ImageResources.tree(ImageResources.SERVICES);
        var scripts = ImageResources.tree(ImageResources.SCRIPTS);
        List<ImageResources.ImageFile> files = ImageResources.files();
        assertThat(files).hasSize(services.size() + scripts.size());
        for (ImageResources.ImageFile f : files) {
            String name = f.target().substring(f.target().lastIndexOf('/') + 1);
            if (f.target().startsWith(ImageResources.SCRIPTS_TARGET + "/") || List.of("run", "up", "finish").contains(name)) {
                assertThat(f.mode()).as(f.target()).isEqualTo(0755);
            } else {
                assertThat(f.mode()).as(f.target()).isEqualTo(0644);
            }
            assertThat(f.target()).startsWith("/etc/s6-overlay/");
        }
        assertThat(files).extracting(ImageResources.ImageFile::target).isSorted();
    }

    @Test
    void foldersAreListedFromDirectoriesAndFromJars(@TempDir Path dir) throws Exception {
        var fromDirectory = ImageResources.tree("image/sample-services");
        assertThat(fromDirectory).containsOnlyKeys("socks5/run", "socks5/type", "user/contents.d/socks5");

        Path jar = dir.resolve("app.jar");
        try (var out = new JarOutputStream(Files.newOutputStream(jar))) {
            // folder entries, as the jar tool and Maven write them
            for (String folder : List.of("packed/", "packed/socks5/", "packed/user/", "packed/user/contents.d/")) {
                out.putNextEntry(new JarEntry(folder));
                out.closeEntry();
            }
            for (var e : fromDirectory.entrySet()) {
                out.putNextEntry(new JarEntry("packed/" + e.getKey()));
                out.write(e.getValue());
                out.closeEntry();
            }
        }
        ClassLoader previous = Thread.currentThread().getContextClassLoader();
        try (var loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, null)) {
            Thread.currentThread().setContextClassLoader(loader);
            var fromJar = ImageResources.tree("packed");
            assertThat(fromJar.keySet()).containsExactlyElementsOf(fromDirectory.keySet());
            assertThat(fromJar.get("socks5/run")).isEqualTo(fromDirectory.get("socks5/run"));
        } finally {
            Thread.currentThread().setContextClassLoader(previous);
        }
    }

    @Test
    void theEnvironmentFileIsReadAsKeyValueLines() {
        ImageResources.environment().forEach((k, v) -> assertThat(k).matches("[A-Za-z_][A-Za-z0-9_]*"));
    }
}
