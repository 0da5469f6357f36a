package com.orodc.docker.api;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/** The framings of an HTTP/1.1 message body: a known length, chunks, or everything until the engine closes. */
final class BodyStreams {
    private BodyStreams() {
    }

    /** Marks whether the whole message was read, so that the connection may carry the next request. */
    abstract static class Body extends InputStream {
        abstract boolean complete();

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
        }

        /** What is left is known to be short, so reading it to the end cannot wait on a stream. */
        boolean smallRest() {
            return false;
        }
    }

    static Body fixed(InputStream in, long length) {
        return new Body() {
            private long left = length;

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                if (left == 0) {
                    return -1;
                }
                int n = in.read(b, off, (int) Math.min(len, left));
                if (n < 0) {
                    throw new EOFException("the engine closed the connection " + left + " bytes before the end of its answer");
                }
                left -= n;
                return n;
            }

            @Override
            boolean complete() {
                return left == 0;
            }

            @Override
            boolean smallRest() {
                return left <= 8192;
            }
        };
    }

    static Body untilClose(InputStream in) {
        return new Body() {
            @Override
            public int read() throws IOException {
                return in.read();
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                return in.read(b, off, len);
            }

            @Override
            boolean complete() {
                return false; // the connection ends with the body
            }
        };
    }

    static Body chunked(InputStream in) {
        return new Body() {
            private long left; // of the current chunk
            private boolean done;

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                if (done) {
                    return -1;
                }
                if (left == 0) {
                    left = nextChunkSize();
                    if (left == 0) {
                        // the trailer: header lines until an empty one
                        while (!line(in).isEmpty()) {
                            // trailers carry nothing we use
                        }
                        done = true;
                        return -1;
                    }
                }
                int n = in.read(b, off, (int) Math.min(len, left));
                if (n < 0) {
                    throw new EOFException("the engine closed the connection inside a chunk");
                }
                left -= n;
                if (left == 0) {
                    if (!line(in).isEmpty()) {
                        throw new IOException("malformed chunked answer from the engine (no CRLF after a chunk)");
                    }
                }
                return n;
            }

            private long nextChunkSize() throws IOException {
                String size = line(in);
                int ext = size.indexOf(';');
                String hex = (ext < 0 ? size : size.substring(0, ext)).strip();
                try {
                    long n = Long.parseLong(hex, 16);
                    if (n < 0) {
                        throw new NumberFormatException();
                    }
                    return n;
                } catch (NumberFormatException e) {
                    throw new IOException("malformed chunk size from the engine: '" + hex + "'");
                }
            }

            @Override
            boolean complete() {
                return done;
            }
        };
    }

    /** One CRLF-terminated line (a bare LF is tolerated), without its end; EOF before any byte is an error. */
    static String line(InputStream in) throws IOException {
        StringBuilder sb = new StringBuilder();
        while (true) {
            int c = in.read();
            if (c < 0) {
                throw new EOFException(sb.length() == 0 ? "the engine closed the connection" : "the engine closed the connection mid-line");
            }
            if (c == '\n') {
                int last = sb.length() - 1;
                if (last >= 0 && sb.charAt(last) == '\r') {
                    sb.setLength(last);
                }
                return sb.toString();
            }
            if (sb.length() > 64 * 1024) {
                throw new IOException("a header line from the engine longer than 64 KiB");
            }
            sb.append((char) c);
        }
    }

    static String text(InputStream in) throws IOException {
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
}
