package com.orodc.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.command.ExecCreateCmdResponse;
import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.StreamType;
import com.orodc.core.ExitCode;
import com.orodc.core.OrodcException;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs a command inside a running container and collects what it printed and its exit status. */
public final class ContainerExec {
    private static final long TIMEOUT_SECONDS = 30;

    /** stdout as ISO-8859-1 (byte for byte), stderr as UTF-8; exit -1 when it did not finish in time. */
    public record Result(long exitCode, String stdout, String stderr) {
    }

    private final DockerClient client;

    ContainerExec(DockerClient client) {
        this.client = client;
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
        ExecCreateCmdResponse exec = client.execCreateCmd(container)
                .withCmd(command.toArray(String[]::new))
                .withAttachStdout(true)
                .withAttachStderr(true)
                .exec();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            boolean done = client.execStartCmd(exec.getId()).exec(new ResultCallback.Adapter<Frame>() {
                @Override
                public void onNext(Frame frame) {
                    (frame.getStreamType() == StreamType.STDERR ? err : out).writeBytes(frame.getPayload());
                }
            }).awaitCompletion(timeoutSeconds, TimeUnit.SECONDS);
            if (!done) {
                return new Result(-1, out.toString(StandardCharsets.ISO_8859_1), err.toString(StandardCharsets.UTF_8));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OrodcException(ExitCode.FAILURE, "interrupted while running a command in container " + container, e);
        }
        Long exit = client.inspectExecCmd(exec.getId()).exec().getExitCodeLong();
        return new Result(exit == null ? -1 : exit, out.toString(StandardCharsets.ISO_8859_1), err.toString(StandardCharsets.UTF_8));
    }

    private static List<String> shortened(List<String> command) {
        List<String> s = new ArrayList<>();
        for (String part : command) {
            s.add(part.length() > 40 ? part.substring(0, 40) + "..." : part);
        }
        return s;
    }
}
