package com.orodc.docker;

import com.orodc.core.ExitCode;
import com.orodc.core.OrodcException;
import com.orodc.core.json.Json;
import com.orodc.docker.api.EngineHttp;
import com.orodc.docker.api.EngineResponse;
import com.orodc.docker.api.OutputFrames;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Runs a command inside a running container and collects what it printed and its exit status. */
public final class ContainerExec {
    private static final long TIMEOUT_SECONDS = 30;

    /** stdout as ISO-8859-1 (byte for byte), stderr as UTF-8; exit -1 when it did not finish in time. */
    public record Result(long exitCode, String stdout, String stderr) {
    }

    private final EngineHttp http;

    ContainerExec(EngineHttp http) {
        this.http = http;
    }

    /** Output on stdout; a non-zero exit status or a timeout is an error. */
    public String run(String container, List<String> command) {
        Result r = execute(container, command, TIMEOUT_SECONDS);
        if (r.exitCode() == -1) {
            throw new OrodcException(ExitCode.FAILURE, "'" + String.join(" ", shortened(command)) + "' in container "
                    + container + " did not finish in " + TIMEOUT_SECONDS + " s; check the container with docker logs");
        }
        if (r.exitCode() != 0) {
            throw new OrodcException(ExitCode.FAILURE, "'" + String.join(" ", shortened(command)) + "' failed in container "
                    + container + " (exit " + r.exitCode() + "): " + r.stderr().strip());
        }
        return r.stdout();
    }

    /** The command's result whatever its exit status. */
    public Result execute(String container, List<String> command, long timeoutSeconds) {
        return EngineException.call(() -> executeOnce(container, command, timeoutSeconds));
    }

    private Result executeOnce(String container, List<String> command, long timeoutSeconds) {
        Map<String, Object> create = new LinkedHashMap<>();
        create.put("AttachStdout", true);
        create.put("AttachStderr", true);
        create.put("Cmd", List.copyOf(command));
        String exec = Json.string(http.object("POST", "/containers/" + EngineQueries.id(container) + "/exec", create), "Id", "");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        boolean done;
        try (EngineResponse stream = http.upgrade("POST", "/exec/" + EngineQueries.id(exec) + "/start", Map.of("Detach", false, "Tty", false));
             Deadline deadline = Deadline.closing(stream, timeoutSeconds * 1000)) {
            try {
                OutputFrames.read(stream.body(), (kind, payload) -> (kind == OutputFrames.STDERR ? err : out).writeBytes(payload));
            } catch (IOException e) {
                if (Thread.currentThread().isInterrupted()) {
                    // the interrupt closed the socket under the read
                    throw new OrodcException(ExitCode.FAILURE, "interrupted while running a command in container " + container, e);
                }
                if (!deadline.passed()) {
                    throw new UncheckedIOException("reading the output of '" + String.join(" ", shortened(command)) + "' in container "
                            + container + " failed: " + e.getMessage(), e);
                }
            }
            done = !deadline.passed();
        }
        if (!done) {
            return new Result(-1, out.toString(StandardCharsets.ISO_8859_1), err.toString(StandardCharsets.UTF_8));
        }
        long exit = Json.number(http.object("GET", "/exec/" + EngineQueries.id(exec) + "/json", null), "ExitCode", -1);
        return new Result(exit, out.toString(StandardCharsets.ISO_8859_1), err.toString(StandardCharsets.UTF_8));
    }

    private static List<String> shortened(List<String> command) {
        List<String> s = new ArrayList<>();
        for (String part : command) {
            s.add(part.length() > 40 ? part.substring(0, 40) + "..." : part);
        }
        return s;
    }
}
