package com.orodc.cli;

import com.orodc.workflow.proxy.ProxyLifecycleWorkflow;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

@Command(name = "down", description = "Stop and remove the proxy container; certificates, config and network stay.",
        footerHeading = "%nExamples:%n", footer = {"  orodc proxy down"})
class ProxyDownCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--force", description = "Also remove a container named 'proxy' that orodc did not create.")
    boolean force;

    @Override
    public Integer call() {
        var reporter = Commands.reporter(spec);
        try (var proxy = ProxyLifecycleWorkflow.connect(Commands.context(spec).environment(), reporter)) {
            proxy.down(force);
        }
        return 0;
    }
}
