package com.orodc.image;

import com.orodc.core.OrodcException;
import com.orodc.core.Sha256;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

/**
 * Downloads and derived files under {@code $ORODC_HOME/cache}, stored by their SHA-256 so that a file
 * is never trusted by its name. Names (a release asset's path, an image reference) point at sums.
 */
public final class ArtifactCache {
    private final Path root;

    public ArtifactCache(Path root) {
        this.root = root;
    }

    public Path root() {
        return root;
    }

    public Optional<Path> blob(String sha256) {
        Path p = blobPath(sha256);
        return Files.isRegularFile(p) ? Optional.of(p) : Optional.empty();
    }

    /** Stores {@code in} and returns its sum; when {@code expected} is given a different sum stores nothing. */
    public String put(InputStream in, String expected) {
        Path temp = null;
        try {
            Files.createDirectories(root.resolve("tmp"));
            temp = Files.createTempFile(root.resolve("tmp"), "blob", ".part");
            var md = Sha256.digest();
            try (OutputStream out = Files.newOutputStream(temp)) {
                byte[] buffer = new byte[65536];
                for (int n; (n = in.read(buffer)) > 0; ) {
                    md.update(buffer, 0, n);
                    out.write(buffer, 0, n);
                }
            }
            String actual = Sha256.hex(md);
            if (expected != null && !expected.equals(actual)) {
                throw new ChecksumMismatch(expected, actual);
            }
            moveInto(temp, blobPath(actual));
            temp = null;
            return actual;
        } catch (IOException e) {
            throw OrodcException.io("cannot write to the cache " + root + ": " + e.getMessage() + "; check its permissions and free space", e);
        } finally {
            deleteQuietly(temp);
        }
    }

    public String put(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return put(in, null);
        } catch (IOException e) {
            throw OrodcException.io("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    public String put(byte[] bytes) {
        return put(new ByteArrayInputStream(bytes), null);
    }

    /** The sum a name was last stored under. */
    public Optional<String> ref(String name) {
        Path p = refPath(name);
        try {
            if (Files.isRegularFile(p)) {
                String sum = Files.readString(p, StandardCharsets.UTF_8).lines().findFirst().orElse("").strip();
                if (Sha256.isHex(sum) && blob(sum).isPresent()) {
                    return Optional.of(sum);
                }
            }
            return Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    public void ref(String name, String sha256) {
        Path p = refPath(name);
        try {
            Files.createDirectories(p.getParent());
            Path temp = Files.createTempFile(p.getParent(), "ref", ".part");
            Files.writeString(temp, sha256 + "\n" + name + "\n", StandardCharsets.UTF_8);
            moveInto(temp, p);
        } catch (IOException e) {
            throw OrodcException.io("cannot write to the cache " + root + ": " + e.getMessage(), e);
        }
    }

    public void forget(String name) {
        deleteQuietly(refPath(name));
    }

    /** A directory for files derived from blobs (assembled base images), keyed by the sums they came from. */
    public Path derived(String kind) {
        Path dir = root.resolve(kind);
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw OrodcException.io("cannot create " + dir + ": " + e.getMessage(), e);
        }
        return dir;
    }

    private Path blobPath(String sha256) {
        return root.resolve("blobs").resolve("sha256").resolve(sha256.substring(0, 2)).resolve(sha256);
    }

    private Path refPath(String name) {
        String key = Sha256.of(name.getBytes(StandardCharsets.UTF_8));
        return root.resolve("refs").resolve(key);
    }

    static void moveInto(Path temp, Path target) throws IOException {
        Files.createDirectories(target.getParent());
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static void deleteQuietly(Path p) {
        if (p != null) {
            try {
                Files.deleteIfExists(p);
            } catch (IOException ignored) {
                // a leftover temp file is harmless; the next put uses a new name
            }
        }
    }

    /** A download whose content is not what its published sum says. */
    public static final class ChecksumMismatch extends RuntimeException {
        private final String expected;
        private final String actual;

        ChecksumMismatch(String expected, String actual) {
            super("expected sha256 " + expected + ", got " + actual);
            this.expected = expected;
            this.actual = actual;
        }

        public String expected() {
            return expected;
        }

        public String actual() {
            return actual;
        }
    }
}
