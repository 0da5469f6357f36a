package com.orodc.workflow.hostsync;

import com.orodc.docker.DockerEngine;
import com.orodc.docker.RunningContainer;

import java.util.List;
import java.util.SortedSet;

/** A place the synced names are written to. */
interface HostsSyncSink {
    String describe();

    /** Brings the sink up to {@code names}; true when something was written. */
    boolean apply(SortedSet<String> names, List<RunningContainer> running, DockerEngine docker);

    /**
     * The System.nanoTime() at which the sink wants another reconcile although nothing happened: it held a change
     * back (see {@link HostsSyncAliasSink}); {@link HostsSyncSchedule#NONE} when it does not.
     */
    default long retryAt() {
        return HostsSyncSchedule.NONE;
    }
}
