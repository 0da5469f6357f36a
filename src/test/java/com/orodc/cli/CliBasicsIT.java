package com.orodc.cli;

import com.orodc.testing.CliDriver;
import com.orodc.testing.PackagedCli;

/** The same checks against the packaged application. */
class CliBasicsIT extends CliBasicsTest {
    @Override
    protected CliDriver cli() {
        return new PackagedCli(home);
    }
}
