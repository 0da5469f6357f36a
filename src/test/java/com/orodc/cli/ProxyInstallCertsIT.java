package com.orodc.cli;

import com.orodc.testing.CliDriver;
import com.orodc.testing.PackagedCli;

/** The same checks against the packaged application. */
class ProxyInstallCertsIT extends ProxyInstallCertsTest {
    @Override
    protected CliDriver cli() {
        return new PackagedCli(home);
    }
}
