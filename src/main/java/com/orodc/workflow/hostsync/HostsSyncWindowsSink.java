package com.orodc.workflow.hostsync;

import com.orodc.docker.DockerEngine;
import com.orodc.docker.RunningContainer;
import com.orodc.hosts.HostsBlock;
import com.orodc.hosts.HostsFileWriter;

import java.util.List;
import java.util.SortedSet;

/**
 * In WSL 2, the Windows hosts file through the drive mount, so that the browser on Windows resolves the names too.
 * Names go on 127.0.0.1 only: the ports are published there, and Windows reaches them through WSL's localhost
 * forwarding (NAT mode) or directly (mirrored mode, Docker Desktop).
 */
final class HostsSyncWindowsSink implements HostsSyncSink {
    private final HostsFileWriter writer;

    HostsSyncWindowsSink(HostsFileWriter writer) {
        this.writer = writer;
    }

    @Override
    public String describe() {
        return writer.file() + " (Windows)";
    }

    @Override
    public boolean apply(SortedSet<String> names, List<RunningContainer> running, DockerEngine docker) {
        return writer.write(HostsBlock.of(names, HostsBlock.IPV4_ONLY));
    }
}
