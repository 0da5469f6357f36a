package com.orodc.cli;

import com.orodc.workflow.proxy.ProxyLifecycleWorkflow;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

@Command(name = "logs", description = "Show the proxy container's log (Traefik, s6 services, SOCKS5).",
        footerHeading = "%nExamples:%n", footer = {"  orodc proxy logs", "  orodc proxy logs -f --tail 50"})
class ProxyLogsCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = {"-f", "--follow"}, description = "Keep printing new lines until interrupted.")
    boolean follow;

    @Option(names = "--tail", paramLabel = "N", defaultValue = "200", description = "Lines from the end to start with (default ${DEFAULT-VALUE}).")
    int tail;

    @Override
    public Integer call() {
        var reporter = Commands.reporter(spec);
        PrintWriter out = spec.commandLine().getOut();
        try (var proxy = ProxyLifecycleWorkflow.connect(Commands.context(spec).environment(), reporter)) {
            proxy.logs(tail, follow, line -> {
                out.println(line);
                out.flush();
            });
        }
        return 0;
    }
}
