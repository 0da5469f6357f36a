package com.orodc.docker.api;

import com.orodc.core.json.Json;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 to the Docker Engine API on unversioned paths, so the same code talks to Engine 20.10 and 29. A few
 * idle connections are kept for the next request; a streamed answer keeps its own until it is closed.
 * Transport failures are {@link UncheckedIOException}s naming the endpoint; error statuses are
 * {@link EngineHttpException}s with the engine's message.
 */
public final class EngineHttp implements AutoCloseable {
    private static final int MAX_IDLE = 4;

    private final EngineTransport transport;
    private final Deque<Link> idle = new ArrayDeque<>();
    private volatile boolean closed;

    private EngineHttp(EngineTransport transport) {
        this.transport = transport;
    }

    /**
     * @param readTimeoutMillis 0 for none (event streams stay open as long as the engine runs); a short one for probes
     */
    public static EngineHttp open(URI endpoint, Map<String, String> env, int readTimeoutMillis) {
        return new EngineHttp(EngineTransport.of(endpoint, env, readTimeoutMillis));
    }

    public URI endpoint() {
        return transport.endpoint();
    }

    /** Sends a request and parses the JSON answer (null when empty); an error status throws. */
    public Object json(String method, String pathAndQuery, Object jsonBody) {
        try (EngineResponse r = send(method, pathAndQuery, jsonBody)) {
            return r.json();
        }
    }

    /** The answer as a JSON object; an error status throws. */
    @SuppressWarnings("unchecked")
    public Map<String, Object> object(String method, String pathAndQuery, Object jsonBody) {
        Object v = json(method, pathAndQuery, jsonBody);
        if (v instanceof Map) {
            return (Map<String, Object>) v;
        }
        throw new UncheckedIOException(new IOException("the engine answered " + method + " " + pathAndQuery + " with no JSON object"));
    }

    /** An answer with a body to read, for example a stream; the caller closes it. An error status throws. */
    public EngineResponse send(String method, String pathAndQuery, Object jsonBody) {
        byte[] body = jsonBody == null ? null : Json.write(jsonBody).getBytes(StandardCharsets.UTF_8);
        return exchange(method, pathAndQuery, body == null ? null : "application/json", body == null ? null : out -> out.write(body),
                body == null ? -1 : body.length, false);
    }

    /** Streams {@code content} as the request body (chunked), for example a tar to load. */
    public EngineResponse upload(String method, String pathAndQuery, String contentType, InputStream content) {
        return exchange(method, pathAndQuery, contentType, out -> content.transferTo(out), -1, false);
    }

    /**
     * A request whose connection the engine takes over ({@code Connection: Upgrade}, {@code Upgrade: tcp}):
     * exec and attach. Engines answer 101, older ones 200; either way the body is the raw stream until the end.
     */
    public EngineResponse upgrade(String method, String pathAndQuery, Object jsonBody) {
        byte[] body = Json.write(jsonBody).getBytes(StandardCharsets.UTF_8);
        return exchange(method, pathAndQuery, "application/json", out -> out.write(body), body.length, true);
    }

    private interface BodyWriter {
        void write(OutputStream out) throws IOException;
    }

    private EngineResponse exchange(String method, String pathAndQuery, String contentType, BodyWriter body, long length, boolean upgrade) {
        // a kept connection may have been closed by the engine meanwhile: then once more on a new one
        for (int attempt = 0; ; attempt++) {
            // a streamed body cannot be sent twice, so it never goes on a kept connection that may be gone
            Link link = attempt == 0 && !upgrade && (body == null || length >= 0) ? pooled() : null;
            boolean reused = link != null;
            try {
                if (link == null) {
                    link = transport.connect();
                }
                writeHead(link.out(), method, pathAndQuery, contentType, length, upgrade);
                if (body != null) {
                    OutputStream out = length < 0 ? new ChunkedOutput(link.out()) : link.out();
                    body.write(out);
                    if (out instanceof ChunkedOutput chunked) {
                        chunked.finish();
                    }
                }
                link.out().flush();
                return read(link, method, upgrade);
            } catch (IOException failure) {
                IOException e = failure;
                if (link != null) {
                    e = link.explain(failure);
                    link.close();
                }
                if (reused) {
                    continue;
                }
                throw new UncheckedIOException(method + " " + pathAndQuery + " to the engine at " + transport.endpoint()
                        + " failed: " + message(e), e);
            }
        }
    }

    private static void writeHead(OutputStream out, String method, String pathAndQuery, String contentType, long length, boolean upgrade)
            throws IOException {
        StringBuilder head = new StringBuilder();
        head.append(method).append(' ').append(pathAndQuery).append(" HTTP/1.1\r\n");
        // the engine ignores the host; a socket path is no host name
        head.append("Host: docker\r\n");
        head.append("User-Agent: orodc\r\n");
        if (upgrade) {
            head.append("Connection: Upgrade\r\nUpgrade: tcp\r\n");
        }
        if (contentType != null) {
            head.append("Content-Type: ").append(contentType).append("\r\n");
            head.append(length < 0 ? "Transfer-Encoding: chunked\r\n" : "Content-Length: " + length + "\r\n");
        } else if (!method.equals("GET") && !method.equals("HEAD")) {
            head.append("Content-Length: 0\r\n");
        }
        head.append("\r\n");
        out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
    }

    private EngineResponse read(Link link, String method, boolean upgrade) throws IOException {
        InputStream in = link.in();
        int status;
        Map<String, String> headers;
        do {
            String statusLine = BodyStreams.line(in);
            link.answered();
            if (!statusLine.startsWith("HTTP/1.") || statusLine.length() < 12) {
                throw new IOException("not an HTTP answer: " + shortened(statusLine));
            }
            try {
                status = Integer.parseInt(statusLine.substring(9, 12));
            } catch (NumberFormatException e) {
                throw new IOException("not an HTTP status: " + shortened(statusLine));
            }
            headers = new HashMap<>();
            for (String line = BodyStreams.line(in); !line.isEmpty(); line = BodyStreams.line(in)) {
                int colon = line.indexOf(':');
                if (colon > 0) {
                    headers.merge(line.substring(0, colon).strip().toLowerCase(Locale.ROOT), line.substring(colon + 1).strip(), (a, b) -> a + ", " + b);
                }
            }
        } while (status == 100);
        BodyStreams.Body body;
        if (status == 101 || (upgrade && status < 300)) {
            body = BodyStreams.untilClose(in);
        } else if (status == 204 || status == 304 || method.equals("HEAD")) {
            body = BodyStreams.fixed(in, 0);
        } else if (headers.getOrDefault("transfer-encoding", "").toLowerCase(Locale.ROOT).contains("chunked")) {
            body = BodyStreams.chunked(in);
        } else if (headers.containsKey("content-length")) {
            try {
                body = BodyStreams.fixed(in, Long.parseLong(headers.get("content-length")));
            } catch (NumberFormatException e) {
                throw new IOException("bad Content-Length from the engine: " + headers.get("content-length"));
            }
        } else {
            body = BodyStreams.untilClose(in);
        }
        boolean keep = !upgrade && status != 101 && !"close".equalsIgnoreCase(headers.get("connection"));
        BodyStreams.Body finalBody = body;
        EngineResponse response = new EngineResponse(status, headers, body, () -> release(link, finalBody, keep));
        if (status >= 300 && status != 101) {
            String text;
            try (response) {
                text = BodyStreams.text(body);
            }
            throw new EngineHttpException(status, errorMessage(status, text));
        }
        return response;
    }

    private static String errorMessage(int status, String text) {
        String t = text.strip();
        if (t.startsWith("{")) {
            try {
                String m = Json.string(Json.parseObject(t), "message", null);
                if (m != null && !m.isBlank()) {
                    return m.strip();
                }
            } catch (IllegalArgumentException notJson) {
                // the text as it came, below
            }
        }
        return t.isEmpty() ? "HTTP " + status : "HTTP " + status + ": " + shortened(t);
    }

    private void release(Link link, BodyStreams.Body body, boolean keep) {
        if (keep && !body.complete() && body.smallRest()) {
            // a short answer left unread (a ping's "OK") is already here: reading it keeps the connection usable
            try {
                body.transferTo(OutputStream.nullOutputStream());
            } catch (IOException e) {
                link.close();
                return;
            }
        }
        if (keep && body.complete() && !link.closed() && !closed) {
            synchronized (idle) {
                if (idle.size() < MAX_IDLE) {
                    idle.push(link);
                    return;
                }
            }
        }
        link.close();
    }

    private Link pooled() {
        synchronized (idle) {
            return idle.poll();
        }
    }

    public static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** A path segment (a container name or id, an image reference) as it goes into the path. */
    public static String segment(String value) {
        return encode(value);
    }

    private static String message(IOException e) {
        String m = e.getMessage();
        return m == null || m.isBlank() ? e.getClass().getSimpleName() : m;
    }

    private static String shortened(String s) {
        return s.length() > 200 ? s.substring(0, 200) + "..." : s;
    }

    @Override
    public void close() {
        closed = true;
        synchronized (idle) {
            idle.forEach(Link::close);
            idle.clear();
        }
    }

    /** Chunked transfer coding of a request body whose length is unknown in advance. */
    private static final class ChunkedOutput extends OutputStream {
        private final OutputStream out;

        ChunkedOutput(OutputStream out) {
            this.out = out;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            if (len == 0) {
                return;
            }
            out.write((Integer.toHexString(len) + "\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(b, off, len);
            out.write('\r');
            out.write('\n');
        }

        void finish() throws IOException {
            out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        }
    }
}
