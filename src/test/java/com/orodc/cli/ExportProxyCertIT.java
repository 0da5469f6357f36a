package com.orodc.cli;

import com.orodc.testing.CliDriver;
import com.orodc.testing.PackagedCli;

/** The export checks against the packaged application. */
class ExportProxyCertIT extends ExportProxyCertTest {
    @Override
    protected CliDriver cli() {
        return new PackagedCli(home).in(work);
    }
}
