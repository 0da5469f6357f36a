package com.orodc.workflow.hostsync;

import com.orodc.docker.DockerEngine;
import com.orodc.docker.RunningContainer;
import com.orodc.hosts.HostsBlock;
import com.orodc.hosts.HostsFileWriter;

import java.util.List;
import java.util.SortedSet;

/** The host's hosts file. */
final class HostsSyncFileSink implements HostsSyncSink {
    private final HostsFileWriter writer;
    private final List<String> addresses;

    HostsSyncFileSink(HostsFileWriter writer, boolean ipv4Only) {
        this.writer = writer;
        this.addresses = ipv4Only ? HostsBlock.IPV4_ONLY : HostsBlock.IPV4_AND_IPV6;
    }

    @Override
    public String describe() {
        return writer.file().toString();
    }

    @Override
    public boolean apply(SortedSet<String> names, List<RunningContainer> running, DockerEngine docker) {
        return writer.write(HostsBlock.of(names, addresses));
    }
}
