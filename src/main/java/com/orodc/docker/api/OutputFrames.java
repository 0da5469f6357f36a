package com.orodc.docker.api;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * The stdout/stderr of a container without a TTY (exec, attach, logs): frames of an 8-byte header (stream
 * 0 stdin, 1 stdout, 2 stderr; three zero bytes; the payload's length, big-endian) and the payload. A container
 * with a TTY sends its output raw, which no frame header can start with.
 */
public final class OutputFrames {
    public static final int STDOUT = 1;
    public static final int STDERR = 2;

    /** Receives each payload with the stream it came on. */
    public interface Sink {
        void accept(int stream, byte[] payload) throws IOException;
    }

    private OutputFrames() {
    }

    /** Reads until the end of {@code in}, passing each payload to {@code sink}. */
    public static void read(InputStream in, Sink sink) throws IOException {
        byte[] header = in.readNBytes(8);
        if (header.length == 0) {
            return;
        }
        if (!isFrameHeader(header)) {
            // raw output (a TTY): all of it is stdout
            sink.accept(STDOUT, header);
            byte[] buffer = new byte[8192];
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                if (n > 0) {
                    sink.accept(STDOUT, Arrays.copyOf(buffer, n));
                }
            }
            return;
        }
        while (header.length == 8) {
            long size = ((header[4] & 0xFFL) << 24) | ((header[5] & 0xFF) << 16) | ((header[6] & 0xFF) << 8) | (header[7] & 0xFF);
            if (size > Integer.MAX_VALUE - 8) {
                throw new IOException("a frame of " + size + " bytes from the engine");
            }
            byte[] payload = in.readNBytes((int) size);
            if (payload.length < size) {
                throw new IOException("the engine's output stream ended inside a frame");
            }
            sink.accept(header[0], payload);
            header = in.readNBytes(8);
        }
        if (header.length != 0) {
            throw new IOException("the engine's output stream ended inside a frame header");
        }
    }

    private static boolean isFrameHeader(byte[] h) {
        return h.length == 8 && h[0] >= 0 && h[0] <= 2 && h[1] == 0 && h[2] == 0 && h[3] == 0;
    }
}
