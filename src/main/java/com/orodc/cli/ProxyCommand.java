package com.orodc.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The verbs the bash OroDC users already type: {@code orodc proxy <verb>}. */
@Command(name = "proxy",
        description = "Proxy verbs as the bash OroDC has them.",
        subcommands = {
                ProxyUpCommand.class,
                ProxyDownCommand.class,
                ProxyRestartCommand.class,
                ProxyLogsCommand.class,
                ProxyInstallCertsCommand.class,
                ProxyTrustSnippetCommand.class,
        },
        footerHeading = "%nExamples:%n",
        footer = {"  orodc proxy up", "  orodc proxy logs -f", "  orodc proxy down", "  orodc proxy install-certs",
                "  orodc proxy trust-snippet --service php-fpm"})
class ProxyCommand implements Runnable {
    @Spec
    CommandSpec spec;


    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
