package com.orodc.cli;

import com.orodc.core.OrodcConfig;
import com.orodc.core.ProcessUser;
import com.orodc.core.Reporter;
import com.orodc.workflow.dnsservice.DnsServicePlatform;
import com.orodc.workflow.dnsservice.DnsServiceReport;
import com.orodc.workflow.dnsservice.DnsServiceRequest;
import com.orodc.workflow.dnsservice.DnsServiceSetup;
import com.orodc.workflow.dnsservice.DnsServiceStatus;
import com.orodc.workflow.hostsync.HostsSyncRequest;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

@Command(name = "proxy-dns-setup",
        description = {"Install, remove, check or verify the hosts sync service (systemd on Linux, launchd on macOS).",
                "Installing and removing need root (exit code 2 with the sudo command otherwise)."},
        footerHeading = "%nExamples:%n",
        footer = {"  sudo --preserve-env=DOCKER_HOST,ORODC_HOME orodc proxy-dns-setup --install",
                "  orodc proxy-dns-setup --install --dry-run",
                "  orodc proxy-dns-setup --status",
                "  orodc proxy-dns-setup --verify shop.docker.local"})
class ProxyDnsSetupCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ConfigOptions options;

    @Mixin
    HostsSyncOptions hosts;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Action action;

    static class Action {
        @Option(names = "--install", required = true, description = "Install and start the service.")
        boolean install;
        @Option(names = "--uninstall", required = true, description = "Stop and remove the service, its launcher and the hosts block.")
        boolean uninstall;
        @Option(names = "--status", required = true, description = "Installed, running, last sync, drift between the hosts file and the containers.")
        boolean status;
        @Option(names = "--verify", required = true, description = "Resolve each expected name through the OS and check it reaches the proxy.")
        boolean verify;
    }

    @Option(names = "--dry-run", description = "Print what would be written or removed; change nothing.")
    boolean dryRun;

    @Option(names = "--root", paramLabel = "DIR", defaultValue = "/", description = "Prefix for every path (packaging, tests); the service manager is left alone.")
    Path root;

    @Option(names = "--orodc-command", paramLabel = "PROGRAM", split = " ",
            description = "How the service runs orodc (default: the java and jar of this run).")
    List<String> orodcCommand;

    @Parameters(paramLabel = "NAME", arity = "0..*", description = "With --verify: only these names.")
    List<String> names;

    @Override
    public Integer call() {
        RunContext context = Commands.context(spec);
        Reporter reporter = Commands.reporter(spec);
        OrodcConfig config = options.resolve(context);
        HostsSyncRequest sync = hosts.request(config, context);
        DnsServiceRequest request = new DnsServiceRequest(root.toAbsolutePath().normalize(), DnsServicePlatform.current(), dryRun,
                ProcessUser.isRoot(), context.home().root(), sync, command(), config.httpPort(), names == null ? List.of() : names);
        DnsServiceReport report;
        if (action.install) {
            report = new DnsServiceSetup(request, reporter).install();
        } else if (action.uninstall) {
            report = new DnsServiceSetup(request, reporter).uninstall();
        } else if (action.status) {
            report = new DnsServiceStatus(request, reporter).status();
        } else {
            report = new DnsServiceStatus(request, reporter).verify();
        }
        report.lines().forEach(spec.commandLine().getOut()::println);
        return report.exitCode().code();
    }

    private Optional<List<String>> command() {
        if (orodcCommand != null && !orodcCommand.isEmpty()) {
            return Optional.of(orodcCommand);
        }
        String[] classPath = System.getProperty("java.class.path", "").split(File.pathSeparator);
        if (classPath.length == 1 && classPath[0].endsWith(".jar") && Files.isRegularFile(Path.of(classPath[0]))) {
            Path java = Path.of(System.getProperty("java.home"), "bin", "java");
            return Optional.of(DnsServiceSetup.javaCommand(java, Path.of(classPath[0])));
        }
        return Optional.empty();
    }

}
