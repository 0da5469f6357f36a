package com.orodc.testing;

import com.orodc.cli.Cli;
import com.orodc.cli.RunContext;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;

/** Runs the command line in this JVM, built as the launcher's entry builds it: only the command that runs. */
public final class InProcessCli extends CliDriver {
    public InProcessCli(Path orodcHome) {
        super(orodcHome);
    }

    @Override
    public CliResult run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cmd = Cli.forArguments(new RunContext(Map.copyOf(env), workingDirectory), args);
        cmd.setOut(new PrintWriter(out, true));
        cmd.setErr(new PrintWriter(err, true));
        int code = cmd.execute(args);
        return new CliResult(code, out.toString(), err.toString());
    }
}
