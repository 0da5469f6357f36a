package com.orodc.cli;

import com.orodc.workflow.image.ProxyImageInspect;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "inspect", mixinStandardHelpOptions = true,
        description = "Show the platforms of a proxy image in a registry, their digests and component versions.",
        footerHeading = "%nExamples:%n",
        footer = {"  orodc proxy-image inspect ghcr.io/acme/orodc-proxy:1.2.0"})
class ProxyImageInspectCommand implements Callable<Integer> {
    private static final String PREFIX = "com.orodc.proxy.";

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "REF", description = "REGISTRY/REPO:TAG or @DIGEST.")
    String reference;

    @Option(names = "--allow-insecure-registries", description = "Allow plain HTTP to registries other than localhost.")
    boolean allowInsecureRegistries;

    @Override
    public Integer call() {
        RunContext context = Commands.context(spec);
        ProxyImageInspect.Result r = new ProxyImageInspect(Commands.reporter(spec)).run(reference, allowInsecureRegistries,
                context.environment());
        PrintWriter out = spec.commandLine().getOut();
        out.println(r.reference() + (r.list() ? "  list " : "  ") + r.digest());
        for (ProxyImageInspect.Platform p : r.platforms()) {
            out.printf("  %-12s %s  entrypoint %s%n", p.platform(), p.digest(), String.join(" ", p.entrypoint()));
            for (Map.Entry<String, String> label : p.labels().entrySet()) {
                if (label.getKey().startsWith(PREFIX)) {
                    out.printf("    %-28s %s%n", label.getKey().substring(PREFIX.length()), label.getValue());
                }
            }
        }
        out.flush();
        return 0;
    }
}
