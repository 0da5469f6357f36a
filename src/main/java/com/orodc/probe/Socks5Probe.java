package com.orodc.probe;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A real SOCKS5 client (RFC 1928, with RFC 1929 username/password): greeting, optional login, CONNECT by
 * domain name, then one HTTP request through the tunnel. Each step is timed and failures are named.
 */
public final class Socks5Probe {
    public record Credentials(String user, String password) {
    }

    public record Request(InetSocketAddress server, Optional<Credentials> credentials, String targetHost,
                          int targetPort, int timeoutMillis) {
    }

    public record Report(List<ProbeStep> steps, Optional<String> httpStatusLine) {
        public boolean ok() {
            return !steps.isEmpty() && steps.stream().allMatch(ProbeStep::ok);
        }
    }

    private static final int VERSION = 5;
    private static final int NO_AUTH = 0x00;
    private static final int USER_PASS = 0x02;
    private static final int NO_ACCEPTABLE = 0xFF;

    public Report run(Request request) {
        List<ProbeStep> steps = new ArrayList<>();
        try (Socket socket = new Socket()) {
            long t = System.nanoTime();
            String where = request.server().getHostString() + ":" + request.server().getPort();
            try {
                socket.connect(request.server(), request.timeoutMillis());
                socket.setSoTimeout(request.timeoutMillis());
            } catch (ConnectException e) {
                steps.add(ProbeStep.failed("connect", t, "connection refused by " + where
                        + ": is SOCKS5 enabled (DC_PROXY_SOCKS5_ENABLED=1) and listening on that port?"));
                return new Report(steps, Optional.empty());
            } catch (SocketTimeoutException e) {
                steps.add(ProbeStep.failed("connect", t, "no answer from " + where + " within " + request.timeoutMillis() + " ms"));
                return new Report(steps, Optional.empty());
            }
            steps.add(ProbeStep.ok("connect", t, where));
            DataInputStream in = new DataInputStream(socket.getInputStream());
            OutputStream out = socket.getOutputStream();
            return converse(request, in, out, steps);
        } catch (IOException e) {
            String last = steps.isEmpty() ? "connect" : "after " + steps.get(steps.size() - 1).name();
            steps.add(ProbeStep.failed(last, System.nanoTime(), describe(e)));
            return new Report(steps, Optional.empty());
        }
    }

    private Report converse(Request request, DataInputStream in, OutputStream out, List<ProbeStep> steps) throws IOException {
        long t = System.nanoTime();
        if (request.credentials().isPresent()) {
            out.write(new byte[] {VERSION, 2, NO_AUTH, USER_PASS});
        } else {
            out.write(new byte[] {VERSION, 1, NO_AUTH});
        }
        out.flush();
        int version = readByte(in, "greeting");
        int method = readByte(in, "greeting");
        if (version != VERSION) {
            steps.add(ProbeStep.failed("greeting", t, "not a SOCKS5 server (version byte " + version + ")"));
            return new Report(steps, Optional.empty());
        }
        if (method == NO_ACCEPTABLE) {
            steps.add(ProbeStep.failed("greeting", t, request.credentials().isPresent()
                    ? "no acceptable authentication method: the server accepts neither no-auth nor username/password"
                    : "no acceptable authentication method: the server requires a login; set DC_PROXY_SOCKS5_USER and DC_PROXY_SOCKS5_PASS"));
            return new Report(steps, Optional.empty());
        }
        if (method != NO_AUTH && method != USER_PASS) {
            steps.add(ProbeStep.failed("greeting", t, "the server chose an authentication method we did not offer (" + method + ")"));
            return new Report(steps, Optional.empty());
        }
        steps.add(ProbeStep.ok("greeting", t, method == NO_AUTH ? "no authentication" : "username/password"));
        if (method == USER_PASS) {
            if (request.credentials().isEmpty()) {
                steps.add(ProbeStep.failed("auth", t, "the server asked for a login we did not offer"));
                return new Report(steps, Optional.empty());
            }
            if (!authenticate(request.credentials().get(), in, out, steps)) {
                return new Report(steps, Optional.empty());
            }
        }
        if (!connect(request, in, out, steps)) {
            return new Report(steps, Optional.empty());
        }
        return http(request, in, out, steps);
    }

    private boolean authenticate(Credentials credentials, DataInputStream in, OutputStream out, List<ProbeStep> steps) throws IOException {
        long t = System.nanoTime();
        byte[] user = credentials.user().getBytes(StandardCharsets.UTF_8);
        byte[] pass = credentials.password().getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream msg = new ByteArrayOutputStream();
        msg.write(1);
        msg.write(user.length);
        msg.write(user);
        msg.write(pass.length);
        msg.write(pass);
        out.write(msg.toByteArray());
        out.flush();
        readByte(in, "auth");
        int status = readByte(in, "auth");
        if (status != 0) {
            steps.add(ProbeStep.failed("auth", t, "authentication rejected for user '" + credentials.user()
                    + "': check DC_PROXY_SOCKS5_USER and DC_PROXY_SOCKS5_PASS"));
            return false;
        }
        steps.add(ProbeStep.ok("auth", t, "user " + credentials.user()));
        return true;
    }

    private boolean connect(Request request, DataInputStream in, OutputStream out, List<ProbeStep> steps) throws IOException {
        long t = System.nanoTime();
        byte[] host = request.targetHost().getBytes(StandardCharsets.US_ASCII);
        ByteArrayOutputStream msg = new ByteArrayOutputStream();
        msg.writeBytes(new byte[] {VERSION, 1, 0, 3, (byte) host.length});
        msg.write(host);
        msg.write(request.targetPort() >> 8);
        msg.write(request.targetPort() & 0xFF);
        out.write(msg.toByteArray());
        out.flush();
        readByte(in, "connect");
        int reply = readByte(in, "connect");
        readByte(in, "connect");
        int addressType = readByte(in, "connect");
        int addressLength = switch (addressType) {
            case 1 -> 4;
            case 4 -> 16;
            case 3 -> readByte(in, "connect");
            default -> 0;
        };
        in.readFully(new byte[addressLength + 2]);
        String target = request.targetHost() + ":" + request.targetPort();
        if (reply != 0) {
            steps.add(ProbeStep.failed("connect " + target, t, "the server refused: " + replyText(reply)));
            return false;
        }
        steps.add(ProbeStep.ok("connect " + target, t, "tunnel open"));
        return true;
    }

    private Report http(Request request, DataInputStream in, OutputStream out, List<ProbeStep> steps) throws IOException {
        long t = System.nanoTime();
        String get = "GET / HTTP/1.1\r\nHost: " + request.targetHost() + "\r\nUser-Agent: orodc-socks5-test\r\nConnection: close\r\n\r\n";
        out.write(get.getBytes(StandardCharsets.US_ASCII));
        out.flush();
        String statusLine = readLine(in);
        if (statusLine == null || !statusLine.startsWith("HTTP/")) {
            steps.add(ProbeStep.failed("http", t, "no HTTP answer through the tunnel"
                    + (statusLine == null ? "" : " (got '" + statusLine + "')")));
            return new Report(steps, Optional.ofNullable(statusLine));
        }
        steps.add(ProbeStep.ok("http", t, statusLine));
        return new Report(steps, Optional.of(statusLine));
    }

    static String replyText(int code) {
        return switch (code) {
            case 1 -> "general SOCKS server failure (1)";
            case 2 -> "connection not allowed by ruleset (2)";
            case 3 -> "network unreachable (3)";
            case 4 -> "host unreachable (4): the name does not resolve inside the proxy; is hosts sync running?";
            case 5 -> "connection refused (5) by the target";
            case 6 -> "TTL expired (6)";
            case 7 -> "command not supported (7)";
            case 8 -> "address type not supported (8)";
            default -> "reply code " + code;
        };
    }

    private static int readByte(InputStream in, String step) throws IOException {
        int b = in.read();
        if (b < 0) {
            throw new EOFException("the server closed the connection during " + step);
        }
        return b;
    }

    private static String readLine(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < 8192; i++) {
            int b = in.read();
            if (b < 0) {
                return line.length() == 0 ? null : line.toString();
            }
            if (b == '\n') {
                return line.toString().strip();
            }
            line.append((char) b);
        }
        return line.toString();
    }

    private static String describe(IOException e) {
        if (e instanceof SocketTimeoutException) {
            return "timed out waiting for the server";
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
