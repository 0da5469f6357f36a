package com.orodc.image;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.orodc.core.ExitCode;
import com.orodc.core.OrodcException;
import com.orodc.core.Reporter;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.util.Comparator;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which Traefik release to use: a pinned {@code 3.x.y}, or {@code latest}, the highest v3 release that is
 * neither a draft nor a pre-release in the releases list (the GitHub releases API shape).
 */
public final class TraefikVersion {
    public static final String DEFAULT_API = "https://api.github.com";
    private static final Pattern STABLE_V3 = Pattern.compile("v?(3)\\.(\\d+)\\.(\\d+)");
    private static final String LIST_PATH = "repos/traefik/traefik/releases";
    /** Older releases cannot talk to Docker Engine 29. */
    private static final int[] MINIMUM = {3, 6, 1};

    private final ArtifactCache cache;
    private final HttpFetcher http;
    private final String api;
    private final boolean offline;
    private final Reporter reporter;

    public TraefikVersion(ArtifactCache cache, HttpFetcher http, String api, boolean offline, Reporter reporter) {
        this.cache = cache;
        this.http = http;
        this.api = api.endsWith("/") ? api.substring(0, api.length() - 1) : api;
        this.offline = offline;
        this.reporter = reporter;
    }

    public String resolve(String requested) {
        String v = requested.strip();
        if (v.equalsIgnoreCase("latest")) {
            String latest = latest();
            reporter.info("traefik latest is " + latest);
            return latest;
        }
        if (v.startsWith("v")) {
            v = v.substring(1);
        }
        Matcher m = STABLE_V3.matcher(v);
        if (!m.matches()) {
            throw OrodcException.usage("Traefik version '" + requested + "' is not a v3 release such as 3.6.1 (or 'latest')");
        }
        if (compare(parts(m), MINIMUM) < 0) {
            reporter.warn("Traefik " + v + " is older than 3.6.1 and cannot talk to Docker Engine 29");
        }
        return v;
    }

    private String latest() {
        JsonNode releases;
        try {
            releases = new ObjectMapper().readTree(listJson());
        } catch (IOException e) {
            throw new OrodcException(ExitCode.FAILURE, "the Traefik releases list from " + api + " is not JSON: " + e.getMessage(), e);
        }
        Optional<int[]> best = Optional.empty();
        for (JsonNode r : releases) {
            if (r.path("prerelease").asBoolean(false) || r.path("draft").asBoolean(false)) {
                continue;
            }
            Matcher m = STABLE_V3.matcher(r.path("tag_name").asText(""));
            if (m.matches()) {
                int[] p = parts(m);
                if (best.isEmpty() || compare(p, best.get()) > 0) {
                    best = Optional.of(p);
                }
            }
        }
        return best.map(p -> p[0] + "." + p[1] + "." + p[2]).orElseThrow(() -> new OrodcException(ExitCode.FAILURE,
                "the Traefik releases list from " + api + " has no stable v3 release; pin one with --traefik-version"));
    }

    private byte[] listJson() throws IOException {
        String name = "traefik releases list";
        if (offline) {
            var sum = cache.ref(name).orElseThrow(() -> new MissingFromCache("the Traefik releases list (pin --traefik-version instead of latest)"));
            return Files.readAllBytes(cache.blob(sum).orElseThrow());
        }
        try (InputStream in = http.open(URI.create(api + "/" + LIST_PATH + "?per_page=100"), "traefik releases")) {
            String sum = cache.put(in, null);
            cache.ref(name, sum);
            return Files.readAllBytes(cache.blob(sum).orElseThrow());
        }
    }

    private static int[] parts(Matcher m) {
        return new int[] {Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3))};
    }

    private static int compare(int[] a, int[] b) {
        return Comparator.<int[]>comparingInt(x -> x[0]).thenComparingInt(x -> x[1]).thenComparingInt(x -> x[2]).compare(a, b);
    }
}
