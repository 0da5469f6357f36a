package com.orodc.workflow;

import com.orodc.testing.ProxyFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

/** Tests of the proxy container: each gets its own ORODC_HOME and free ports, and leaves no proxy behind. */
public abstract class ProxyTestBase {
    @TempDir
    protected Path home;

    protected ProxyFixture proxy;

    @BeforeEach
    void createFixture() {
        proxy = new ProxyFixture(home);
    }

    @AfterEach
    void removeProxy() {
        proxy.close();
    }
}
