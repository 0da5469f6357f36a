package com.orodc.image;

import com.orodc.core.ExitCode;
import com.orodc.core.OrodcException;
import com.orodc.core.Reporter;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/** Plain HTTP(S) for release downloads and the registry API; reports progress of long bodies. */
public final class HttpFetcher {
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(20);
    private static final Duration REQUEST_TIMEOUT = Duration.ofMinutes(10);

    private final HttpClient client;
    private final Reporter reporter;

    public HttpFetcher(Reporter reporter) {
        this.client = HttpClient.newBuilder()
                .connectTimeout(CONNECT_TIMEOUT)
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
        this.reporter = reporter;
    }

    public HttpResponse<InputStream> send(HttpRequest.Builder request) {
        HttpRequest r = request.timeout(REQUEST_TIMEOUT).build();
        try {
            return client.send(r, HttpResponse.BodyHandlers.ofInputStream());
        } catch (IOException e) {
            throw new OrodcException(ExitCode.FAILURE, "cannot reach " + r.uri() + ": " + describe(e)
                    + "; check the network, --mirror/--registry-mirror, or build with --offline from the cache", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OrodcException(ExitCode.FAILURE, "interrupted while fetching " + r.uri(), e);
        }
    }

    public HttpResponse<InputStream> get(URI uri, Map<String, String> headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri).GET();
        headers.forEach(b::header);
        return send(b);
    }

    /** The body of a successful GET; anything else is a failure naming the URL and the status. */
    public InputStream open(URI uri, String task) {
        HttpResponse<InputStream> response = get(uri, Map.of("User-Agent", "orodc"));
        if (response.statusCode() != 200) {
            close(response);
            throw new OrodcException(ExitCode.FAILURE, "cannot download " + uri + ": HTTP " + response.statusCode()
                    + "; check the version and --mirror");
        }
        long total = response.headers().firstValueAsLong("Content-Length").orElse(-1);
        return progress(response.body(), task, total);
    }

    public InputStream progress(InputStream in, String task, long total) {
        return new FilterInputStream(in) {
            private long done;
            private long reported;

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                int n = super.read(b, off, len);
                if (n > 0) {
                    done += n;
                    if (done - reported >= 1 << 20 || done == total) {
                        reported = done;
                        reporter.progress(task, done, total);
                    }
                }
                return n;
            }
        };
    }

    public static void close(HttpResponse<InputStream> response) {
        try {
            response.body().close();
        } catch (IOException ignored) {
            // nothing left to read from a failed response
        }
    }

    private static String describe(IOException e) {
        String m = e.getMessage();
        return m == null || m.isBlank() ? e.getClass().getSimpleName() : m;
    }
}
