package com.orodc.testing;

import static org.assertj.core.api.Assertions.assertThat;

/** What a user sees of one run: exit code, stdout and stderr. */
public record CliResult(int exitCode, String out, String err) {

    public CliResult assertExit(int expected) {
        assertThat(exitCode).as("exit code; stdout:%n%s%nstderr:%n%s", out, err).isEqualTo(expected);
        return this;
    }

    public CliResult assertSuccess() {
        return assertExit(0);
    }

    public CliResult assertOut(String fragment) {
        assertThat(out).as("stdout").contains(fragment);
        return this;
    }

    public CliResult assertErr(String fragment) {
        assertThat(err).as("stderr").contains(fragment);
        return this;
    }
}
