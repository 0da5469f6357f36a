package com.orodc.cli;

import com.orodc.core.Reporter;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

import static org.assertj.core.api.Assertions.assertThat;

/** A library's own error log (jib's, when a registry goes away): one debug line through the reporter, no stack trace on stderr. */
class LibraryLogsTest {
    @Test
    void aLibraryErrorWithAStackTraceBecomesOneDebugLine() {
        List<String> lines = new ArrayList<>();
        LibraryLogs.routeTo((level, message) -> lines.add(level + " " + message));
        PrintStream err = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true));
        try {
            Logger.getLogger("com.google.cloud.tools.jib.http.FailoverHttpClient")
                    .log(Level.SEVERE, "Error during request", new IOException("Connection closed"));
        } finally {
            System.setErr(err);
        }
        assertThat(lines).containsExactly(Reporter.Level.DEBUG + " FailoverHttpClient: Error during request (java.io.IOException: Connection closed)");
        assertThat(captured.toString()).as("nothing printed past the reporter").isEmpty();
    }
}
