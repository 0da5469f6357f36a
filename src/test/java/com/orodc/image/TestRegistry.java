package com.orodc.image;

import com.orodc.testing.LocalProcess;
import com.orodc.testing.Shell;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** A throw-away local registry: Debian's docker-registry on 127.0.0.1, a free port, a temporary store. */
final class TestRegistry implements AutoCloseable {
    private final Process process;
    private final Path root;
    private final int port;

    TestRegistry() {
        if (!Shell.available("docker-registry")) {
            throw new AssertionError("docker-registry is not installed; run .ci/install-deps test");
        }
        try {
            root = Files.createTempDirectory("orodc-t-image-registry");
            port = LocalProcess.freePort();
            Path config = root.resolve("config.yml");
            Files.writeString(config, """
                    version: 0.1
                    log:
                      level: error
                      accesslog:
                        disabled: true
                    storage:
                      filesystem:
                        rootdirectory: %s
                      delete:
                        enabled: true
                    http:
                      addr: 127.0.0.1:%d
                    """.formatted(root.resolve("data"), port));
            process = new ProcessBuilder("docker-registry", "serve", config.toString())
                    .redirectErrorStream(true).redirectOutput(root.resolve("registry.log").toFile()).start();
            waitUntilReady();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void waitUntilReady() {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            try {
                HttpURLConnection c = (HttpURLConnection) URI.create("http://" + host() + "/v2/").toURL().openConnection();
                c.setConnectTimeout(500);
                if (c.getResponseCode() == 200) {
                    return;
                }
            } catch (IOException ignored) {
                // not listening yet
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        throw new AssertionError("the test registry did not start in 30 s; see " + root.resolve("registry.log"));
    }

    String host() {
        return "127.0.0.1:" + port;
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Shell.run("rm", "-rf", root.toString());
    }
}
