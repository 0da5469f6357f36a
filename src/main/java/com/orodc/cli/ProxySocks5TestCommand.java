package com.orodc.cli;

import com.orodc.core.OrodcException;
import com.orodc.workflow.proxy.Socks5TestWorkflow;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.Optional;
import java.util.concurrent.Callable;

@Command(name = "proxy-socks5-test",
        description = "Run a real SOCKS5 session through the proxy: greeting, login, CONNECT by name, HTTP.",
        footerHeading = "%nExamples:%n",
        footer = {"  orodc proxy-socks5-test",
                "  DC_PROXY_SOCKS5_USER=dev DC_PROXY_SOCKS5_PASS=secret orodc proxy-socks5-test --target myshop.docker.local:80",
                "",
                "Exit code 0 when every step worked, 1 otherwise."})
class ProxySocks5TestCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ConfigOptions options;

    @Option(names = "--target", paramLabel = "HOST[:PORT]", description = "Where to connect through the tunnel (default proxy.CERT_DOMAIN:80).")
    String target;

    @Option(names = "--timeout", paramLabel = "MS", defaultValue = "5000", description = "Time limit of each step in milliseconds (default ${DEFAULT-VALUE}).")
    int timeoutMillis;

    @Override
    public Integer call() {
        if (timeoutMillis < 1) {
            throw OrodcException.usage("--timeout must be a positive number of milliseconds");
        }
        var config = options.resolve(Commands.context(spec));
        Socks5TestWorkflow.Result report = new Socks5TestWorkflow(Commands.reporter(spec))
                .run(new Socks5TestWorkflow.Request(config, Optional.ofNullable(target), timeoutMillis));
        PrintWriter out = spec.commandLine().getOut();
        report.lines().forEach(out::println);
        out.println(report.ok() ? "SOCKS5 works." : "SOCKS5 test failed.");
        return report.ok() ? 0 : 1;
    }
}
