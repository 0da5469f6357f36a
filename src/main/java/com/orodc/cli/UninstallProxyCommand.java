package com.orodc.cli;

import com.orodc.workflow.proxy.UninstallProxyWorkflow;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "uninstall-proxy",
        description = "Remove the proxy container; with --purge also certificates, config, download cache, state, trust, hosts block and hosts-sync service.",
        footerHeading = "%nExamples:%n",
        footer = {"  orodc uninstall-proxy            remove the container, keep certificates (browsers keep trusting them)",
                "  sudo orodc uninstall-proxy --purge   remove everything orodc set up on this machine"})
class UninstallProxyCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--purge", description = "Also remove certificates, rendered config, the download cache, state, the trust orodc added, the hosts block, the hosts-sync service and the network when this install created it.")
    boolean purge;

    @Option(names = "--force", description = "Remove a container named 'proxy' even when orodc did not create it.")
    boolean force;

    @Override
    public Integer call() {
        RunContext context = Commands.context(spec);
        var reporter = Commands.reporter(spec);
        PrintWriter out = spec.commandLine().getOut();
        try (var uninstall = UninstallProxyWorkflow.connect(context.environment(), reporter)) {
            var removed = uninstall.run(new UninstallProxyWorkflow.Request(context.home(), context.configResolver().resolve(Map.of()),
                    context.environment(), purge, force));
            if (removed.isEmpty()) {
                out.println("Nothing to remove.");
            } else {
                out.println("Removed:");
                removed.forEach(r -> out.println("  " + r));
            }
        }
        return 0;
    }
}
