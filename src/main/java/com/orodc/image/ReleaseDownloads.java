package com.orodc.image;

import com.orodc.core.ExitCode;
import com.orodc.core.OrodcException;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Release assets verified against their published sha256 and kept in the cache. A file whose
 * published sum is already in the cache is never fetched again.
 */
public final class ReleaseDownloads {
    private final ArtifactCache cache;
    private final HttpFetcher http;
    private final String base;
    private final boolean offline;

    public ReleaseDownloads(ArtifactCache cache, HttpFetcher http, String base, boolean offline) {
        this.cache = cache;
        this.http = http;
        this.base = base == null || base.isBlank() ? ReleaseAsset.DEFAULT_BASE : base;
        this.offline = offline;
    }

    public String base() {
        return base;
    }

    /** A verified asset: its published sum comes from {@code checksums}, the file that lists it. */
    public Verified fetch(ReleaseAsset asset, ReleaseAsset checksums) {
        ChecksumList list = ChecksumList.parse(text(checksums));
        String expected = list.sumOf(asset.fileName()).orElseThrow(() -> new OrodcException(ExitCode.FAILURE,
                checksums.fileName() + " from " + checksums.uri(base) + " does not list " + asset.fileName()
                        + "; check the version or the mirror"));
        var cached = cache.blob(expected);
        if (cached.isPresent()) {
            return new Verified(asset, expected, cached.get());
        }
        if (offline) {
            throw new MissingFromCache(asset.path());
        }
        try (InputStream in = http.open(asset.uri(base), "download " + asset.fileName())) {
            cache.put(in, expected);
        } catch (ArtifactCache.ChecksumMismatch e) {
            // the list may be the tampered part: read it again next time
            cache.forget(checksums.path());
            throw new OrodcException(ExitCode.FAILURE, "sha256 mismatch for " + asset.uri(base) + ": published "
                    + e.expected() + " in " + checksums.fileName() + ", downloaded " + e.actual()
                    + "; nothing was built or pushed; check the mirror", e);
        } catch (IOException e) {
            throw new OrodcException(ExitCode.FAILURE, "download of " + asset.uri(base) + " failed: " + e.getMessage(), e);
        }
        return new Verified(asset, expected, cache.blob(expected).orElseThrow());
    }

    /** A checksum file, from the cache when it was read before (published release files do not change). */
    public String text(ReleaseAsset asset) {
        var sum = cache.ref(asset.path());
        if (sum.isEmpty()) {
            if (offline) {
                throw new MissingFromCache(asset.path());
            }
            try (InputStream in = http.open(asset.uri(base), "download " + asset.fileName())) {
                String stored = cache.put(in, null);
                cache.ref(asset.path(), stored);
                sum = Optional.of(stored);
            } catch (IOException e) {
                throw new OrodcException(ExitCode.FAILURE, "download of " + asset.uri(base) + " failed: " + e.getMessage(), e);
            }
        }
        try {
            return Files.readString(cache.blob(sum.get()).orElseThrow(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public record Verified(ReleaseAsset asset, String sha256, Path file) {
    }
}
