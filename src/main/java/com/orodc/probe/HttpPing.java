package com.orodc.probe;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * A plain HTTP/1.1 GET with an explicit Host header over a raw socket: java.net.http refuses to set Host,
 * and a TCP connect alone proves nothing (Docker's port forwarder accepts even when nothing listens).
 */
public final class HttpPing {
    /** @param statusLine the first line of the answer, such as {@code HTTP/1.1 200 OK} */
    public record Response(int status, String statusLine, String body) {
    }

    private HttpPing() {
    }

    public static Response get(InetSocketAddress address, String host, String path, int timeoutMillis) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(address, timeoutMillis);
            socket.setSoTimeout(timeoutMillis);
            String request = "GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\nUser-Agent: orodc\r\nConnection: close\r\n\r\n";
            socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            return parse(socket.getInputStream());
        }
    }

    private static Response parse(InputStream in) throws IOException {
        byte[] raw = in.readNBytes(256 * 1024);
        String text = new String(raw, StandardCharsets.ISO_8859_1);
        if (!text.startsWith("HTTP/")) {
            throw new IOException("not an HTTP answer");
        }
        int space = text.indexOf(' ');
        int status = Integer.parseInt(text.substring(space + 1, space + 4));
        int lineEnd = text.indexOf("\r\n");
        String statusLine = (lineEnd < 0 ? text : text.substring(0, lineEnd)).strip();
        int bodyStart = text.indexOf("\r\n\r\n");
        String body = bodyStart < 0 ? "" : text.substring(bodyStart + 4);
        if (text.substring(0, Math.max(bodyStart, 0)).toLowerCase().contains("transfer-encoding: chunked")) {
            body = dechunk(body);
        }
        return new Response(status, statusLine, new String(body.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8));
    }

    private static String dechunk(String body) {
        StringBuilder out = new StringBuilder();
        int pos = 0;
        while (pos < body.length()) {
            int eol = body.indexOf("\r\n", pos);
            if (eol < 0) {
                break;
            }
            int size = Integer.parseInt(body.substring(pos, eol).split(";")[0].trim(), 16);
            if (size == 0) {
                break;
            }
            out.append(body, eol + 2, Math.min(body.length(), eol + 2 + size));
            pos = eol + 2 + size + 2;
        }
        return out.toString();
    }
}
