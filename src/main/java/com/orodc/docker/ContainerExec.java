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

/** Runs a command inside a running container and returns what it printed. */
public final class ContainerExec {
    private static final long TIMEOUT_SECONDS = 30;

    private final DockerClient client;

    public ContainerExec(DockerClient client) {
        this.client = client;
    }

    /** Output on stdout as ISO-8859-1 (byte for byte); a non-zero exit status is an error. */
    public String run(String container, List<String> command) {
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
            }).awaitCompletion(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            if (!done) {
                throw new OrodcException(ExitCode.FAILURE, "'" + String.join(" ", shortened(command)) + "' in container "
                        + container + " did not finish in " + TIMEOUT_SECONDS + " s; check the container with docker logs");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OrodcException(ExitCode.FAILURE, "interrupted while running a command in container " + container, e);
        }
        Long exit = client.inspectExecCmd(exec.getId()).exec().getExitCodeLong();
        if (exit == null || exit != 0) {
            throw new OrodcException(ExitCode.FAILURE, "'" + String.join(" ", shortened(command)) + "' failed in container "
                    + container + " (exit " + exit + "): " + err.toString(StandardCharsets.UTF_8).strip());
        }
        return out.toString(StandardCharsets.ISO_8859_1);
    }

    private static List<String> shortened(List<String> command) {
        List<String> s = new ArrayList<>();
        for (String part : command) {
            s.add(part.length() > 40 ? part.substring(0, 40) + "..." : part);
        }
        return s;
    }
}
