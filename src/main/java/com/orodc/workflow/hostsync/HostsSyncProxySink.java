package com.orodc.workflow.hostsync;

import com.orodc.docker.ContainerExec;
import com.orodc.docker.DockerEngine;
import com.orodc.docker.EngineException;
import com.orodc.docker.RunningContainer;
import com.orodc.hosts.HostsBlock;
import com.orodc.hosts.HostsFileText;

import java.util.List;
import java.util.SortedSet;

/**
 * The proxy container's own /etc/hosts, so that its SOCKS5 server resolves the names to Traefik beside it.
 * The file is a bind mount Docker rewrites at every start: it is written in place, and again after each start
 * (the start event triggers a reconcile, which finds the block missing).
 */
public final class HostsSyncProxySink implements HostsSyncSink {
    static final String CONTAINER_HOSTS = "/etc/hosts";
    private static final List<String> READ = List.of("cat", CONTAINER_HOSTS);

    private final String container;

    HostsSyncProxySink(String container) {
        this.container = container;
    }

    @Override
    public String describe() {
        return "container " + container + ":" + CONTAINER_HOSTS;
    }

    @Override
    public boolean apply(SortedSet<String> names, List<RunningContainer> running, DockerEngine docker) {
        if (running.stream().noneMatch(c -> c.name().equals(container))) {
            return false; // pushed when it starts
        }
        ContainerExec exec = docker.exec();
        try {
            String before = exec.run(container, READ);
            String after = HostsFileText.parse(before, describe()).withBlock(HostsBlock.of(names, HostsBlock.IPV4_ONLY));
            if (after.equals(before)) {
                return false;
            }
            // the content travels as an argument, never through the shell's parser: names cannot inject commands
            exec.run(container, List.of("sh", "-c", "printf '%s' \"$1\" > " + CONTAINER_HOSTS, "orodc-hosts", after));
            return true;
        } catch (EngineException e) {
            if (e.notFound() || e.conflict()) {
                return false; // it stopped since the list: its start event will bring it back here
            }
            throw e;
        }
    }
}
