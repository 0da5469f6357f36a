package com.orodc.cli;

import com.orodc.workflow.certs.TrustSnippetWorkflow;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "trust-snippet",
        description = {"Print the compose lines that make a project's containers trust the local CA for their own HTTPS"
                + " calls: a read-only mount of $ORODC_HOME/ca-trust (the root, the public roots plus ours, a PHP ini file)"
                + " and the variables OpenSSL, curl, Python requests, Node.js and PHP read.",
                "The files are written (and the CA created) when missing; install-proxy keeps them up to date."},
        footerHeading = "%nExamples:%n",
        footer = {
                "  orodc proxy trust-snippet --service php-fpm --service consumer > docker-compose.orodc-ca.yml",
                "  docker compose -f docker-compose.yml -f docker-compose.orodc-ca.yml up -d"})
class ProxyTrustSnippetCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ConfigOptions options;

    @Option(names = "--service", paramLabel = "NAME", defaultValue = "app",
            description = "A compose service that calls HTTPS names of the proxy (repeatable; default ${DEFAULT-VALUE}).")
    List<String> services = new ArrayList<>();

    @Override
    public Integer call() {
        RunContext context = Commands.context(spec);
        var result = new TrustSnippetWorkflow(Commands.reporter(spec)).run(new TrustSnippetWorkflow.Request(
                context.home(), options.resolve(context).certDomain(), services, context.environment()));
        spec.commandLine().getOut().print(result.snippet());
        return 0;
    }
}
