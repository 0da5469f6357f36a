package com.orodc.docker.api;

import com.orodc.core.json.Json;

import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.Consumer;

/**
 * An answer of the engine whose body the caller reads; closing it hands a fully read connection back for
 * the next request and closes any other.
 */
public final class EngineResponse implements Closeable {
    private final int status;
    private final Map<String, String> headers;
    private final InputStream body;
    private final Runnable onClose;
    private boolean closed;

    EngineResponse(int status, Map<String, String> headers, InputStream body, Runnable onClose) {
        this.status = status;
        this.headers = headers;
        this.body = body;
        this.onClose = onClose;
    }

    public int status() {
        return status;
    }

    /** A header by its name in lower case; null when absent. */
    public String header(String lowerCaseName) {
        return headers.get(lowerCaseName);
    }

    public InputStream body() {
        return body;
    }

    /** The whole body as JSON; null when it is empty. */
    public Object json() {
        try {
            String text = BodyStreams.text(body);
            return text.isBlank() ? null : Json.parse(text);
        } catch (IOException e) {
            throw new UncheckedIOException("reading the engine's answer failed: " + e.getMessage(), e);
        }
    }

    /**
     * Passes each JSON object of a newline-delimited stream (events, pull and load progress) to {@code sink}
     * until the engine ends the stream.
     */
    @SuppressWarnings("unchecked")
    public void eachJson(Consumer<Map<String, Object>> sink) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int c;
        while (true) {
            c = body.read();
            if (c < 0 || c == '\n') {
                String text = line.toString(StandardCharsets.UTF_8).strip();
                line.reset();
                if (!text.isEmpty()) {
                    Object value = Json.parse(text);
                    if (value instanceof Map) {
                        sink.accept((Map<String, Object>) value);
                    }
                }
                if (c < 0) {
                    return;
                }
            } else {
                line.write(c);
            }
        }
    }

    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            onClose.run();
        }
    }
}
