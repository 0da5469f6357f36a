package com.orodc.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A real server program started by a test on 127.0.0.1, stopped when closed. */
public final class LocalProcess implements AutoCloseable {
    private final Process process;

    private LocalProcess(Process process) {
        this.process = process;
    }

    /** Starts {@code command} and waits (bounded) until {@code port} on 127.0.0.1 accepts connections. */
    public static LocalProcess start(List<String> command, int port) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            for (int i = 0; i < 100; i++) {
                try (Socket s = new Socket()) {
                    s.connect(new InetSocketAddress("127.0.0.1", port), 200);
                    return new LocalProcess(p);
                } catch (IOException notYet) {
                    if (!p.isAlive()) {
                        throw new AssertionError(command + " exited with " + p.exitValue());
                    }
                    Thread.sleep(50);
                }
            }
            p.destroyForcibly();
            throw new AssertionError(command + " did not listen on " + port + " within 5 s");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    public static int freePort() {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
