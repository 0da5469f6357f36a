package com.orodc.image;

import org.junit.jupiter.api.Test;

import java.util.List;

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
    void foldersAreListedFromDirectoriesAndFromJars(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        var fromDirectory = ImageResources.tree("image/sample-services");
        assertThat(fromDirectory).containsOnlyKeys("socks5/run", "socks5/type", "user/contents.d/socks5");

        java.nio.file.Path jar = dir.resolve("app.jar");
        try (var out = new java.util.jar.JarOutputStream(java.nio.file.Files.newOutputStream(jar))) {
            // folder entries, as the jar tool and Maven write them
            for (String folder : List.of("packed/", "packed/socks5/", "packed/user/", "packed/user/contents.d/")) {
                out.putNextEntry(new java.util.jar.JarEntry(folder));
                out.closeEntry();
            }
            for (var e : fromDirectory.entrySet()) {
                out.putNextEntry(new java.util.jar.JarEntry("packed/" + e.getKey()));
                out.write(e.getValue());
                out.closeEntry();
            }
        }
        ClassLoader previous = Thread.currentThread().getContextClassLoader();
        try (var loader = new java.net.URLClassLoader(new java.net.URL[] {jar.toUri().toURL()}, null)) {
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
