package com.orodc.cli;

import com.orodc.core.OrodcException;
import com.orodc.workflow.proxy.InstallProxyWorkflow;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.time.Duration;
import java.util.concurrent.Callable;

@Command(name = "install-proxy", aliases = {},
        description = "Set up and start the proxy: certificates, config, image, network, container; waits until healthy.",
        footerHeading = "%nExamples:%n",
        footer = {"  orodc install-proxy",
                "  orodc install-proxy --https-port 9443 --socks5",
                "  ORODC_PROXY_IMAGE=registry.example.com/orodc-proxy:1.0 orodc install-proxy",
                "",
                "Running it again with the same settings changes nothing; a changed setting recreates only the container."})
class InstallProxyCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ConfigOptions options;

    @Option(names = "--force", description = "Replace a container named 'proxy' that orodc did not create.")
    boolean force;

    @Option(names = "--auto-ports", description = "Pick the next free port when a configured port is busy.")
    boolean autoPorts;

    @Option(names = "--build", description = "Build the proxy image locally even when one exists.")
    boolean build;

    @Option(names = "--pull", description = "Use the published proxy image instead of a local build.")
    boolean pull;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "90", description = "How long to wait for healthy (default ${DEFAULT-VALUE}).")
    int timeoutSeconds;

    @Override
    public Integer call() {
        if (build && pull) {
            throw OrodcException.usage("--build and --pull exclude each other: build locally or pull the published image");
        }
        RunContext context = Commands.context(spec);
        var config = options.resolve(context);
        var reporter = Commands.reporter(spec);
        try (var install = InstallProxyWorkflow.connect(context.environment(), reporter)) {
            var result = install.run(new InstallProxyWorkflow.Request(
                    config, context.home(), context.environment(), force, autoPorts, build, pull, Duration.ofSeconds(timeoutSeconds)));
            ProxySummary.print(spec.commandLine().getOut(), result);
        }
        return 0;
    }
}
