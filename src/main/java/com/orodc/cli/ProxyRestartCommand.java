package com.orodc.cli;

import com.orodc.workflow.proxy.ProxyLifecycleWorkflow;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.time.Duration;
import java.util.concurrent.Callable;

@Command(name = "restart", description = "Restart the proxy container and wait until it is healthy.",
        footerHeading = "%nExamples:%n", footer = {"  orodc proxy restart"})
class ProxyRestartCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "90", description = "How long to wait for healthy (default ${DEFAULT-VALUE}).")
    int timeoutSeconds;

    @Option(names = "--force", description = "Restart a container named 'proxy' that orodc did not create.")
    boolean force;

    @Override
    public Integer call() {
        var reporter = Commands.reporter(spec);
        try (var proxy = ProxyLifecycleWorkflow.connect(Commands.context(spec).environment(), reporter)) {
            proxy.restart(Duration.ofSeconds(timeoutSeconds), force);
        }
        return 0;
    }
}
