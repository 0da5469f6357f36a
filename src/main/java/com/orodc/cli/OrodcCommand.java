package com.orodc.cli;

import io.quarkus.picocli.runtime.annotations.TopCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/** The top command; its subcommands are those of {@link CommandTree}, added by {@link Cli}. */
@TopCommand
@Command(name = "orodc",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Local HTTPS, /etc/hosts sync and SOCKS5 for Docker web projects (*.docker.local).",
        footerHeading = "%nExamples:%n",
        footer = {
                "  orodc install-proxy                 set up and start the proxy",
                "  orodc export-proxy-cert --install   trust the local CA on this machine",
                "  orodc proxy-status                  check everything",
                "",
                "Settings come from flags, then environment variables, then .env.orodc in the project, then defaults.",
                "State lives in $ORODC_HOME (default ~/.orodc)."})
public class OrodcCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Option(names = "--verbose", scope = ScopeType.INHERIT,
            description = "Show debug messages and stack traces of errors.")
    boolean verbose;

    private final RunContext context;

    public OrodcCommand() {
        this(RunContext.system());
    }

    public OrodcCommand(RunContext context) {
        this.context = context;
    }

    public RunContext context() {
        return context;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
