package com.orodc.cli;

import com.orodc.core.Reporter;
import com.orodc.workflow.hostsync.HostsSync;
import com.orodc.workflow.hostsync.HostsSyncRequest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

@Command(name = "proxy-dns-sync",
        description = {"Keep the hosts file in step with the running containers: the daemon, in the foreground.",
                "Names come from the orodc.dns.hostname label and Traefik Host() rules, under CERT_DOMAIN."},
        footerHeading = "%nExamples:%n",
        footer = {"  sudo orodc proxy-dns-sync --once", "  orodc proxy-dns-sync --hosts-file /tmp/hosts --suffix docker.local --suffix test.local"})
class ProxyDnsSyncCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ConfigOptions options;

    @Mixin
    HostsSyncOptions hosts;

    @Option(names = "--once", description = "Reconcile once and exit.")
    boolean once;

    @Override
    public Integer call() {
        RunContext context = Commands.context(spec);
        Reporter reporter = Commands.reporter(spec);
        HostsSyncRequest request = hosts.request(options.resolve(context), context);
        HostsSync sync = new HostsSync(request, reporter);
        if (once) {
            HostsSync.Outcome outcome = sync.once();
            spec.commandLine().getOut().printf("%d names in %s%n", outcome.names().size(), request.hostsFile());
            return outcome.exitCode().code();
        }
        reporter.info("syncing names under " + String.join(", ", request.suffixes()) + " into " + request.hostsFile());
        Thread stopper = new Thread(sync::close, "hosts-sync-stop");
        Runtime.getRuntime().addShutdownHook(stopper);
        sync.run();
        return 0;
    }
}
