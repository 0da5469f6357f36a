package com.orodc.workflow.dnsservice;

import com.orodc.core.ExitCode;

import java.util.List;

/** The lines a setup operation prints as its result, and the exit code they add up to. */
public record DnsServiceReport(List<String> lines, ExitCode exitCode) {
    public DnsServiceReport {
        lines = List.copyOf(lines);
    }
}
