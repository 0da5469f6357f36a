package com.orodc.cli;

import com.orodc.core.json.Json;
import com.orodc.workflow.status.StatusCheck;
import com.orodc.workflow.status.StatusWorkflow;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "proxy-status",
        description = "Check everything: Docker, container, health, ports, HTTP, HTTPS, certificates, trust, services, hosts sync, SOCKS5.",
        footerHeading = "%nExamples:%n",
        footer = {"  orodc proxy-status",
                "  orodc proxy-status --json | jq '.checks[] | select(.status != \"OK\")'",
                "",
                "Exit codes: 0 all OK (warnings allowed), 1 something to fix, 2 not installed, 3 Docker unreachable."})
class ProxyStatusCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ConfigOptions options;

    @Option(names = "--json", description = "Print the report as a JSON document (see README for its shape).")
    boolean json;

    @Override
    public Integer call() throws Exception {
        RunContext context = Commands.context(spec);
        var report = new StatusWorkflow(Commands.reporter(spec), Clock.systemUTC())
                .run(new StatusWorkflow.Request(options.resolve(context), context.home(), context.environment()));
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(toJson(report));
        } else {
            for (StatusCheck c : report.checks()) {
                out.printf("%-4s %-16s %s%n", c.level(), c.name(), c.detail());
                if (c.fix() != null) {
                    out.printf("     %-16s fix: %s%n", "", c.fix());
                }
            }
        }
        return report.exitCode().code();
    }

    private static String toJson(StatusWorkflow.Report report) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("schemaVersion", 1);
        root.put("status", report.checks().stream().map(StatusCheck::level).max(Enum::compareTo).map(Enum::name).orElse("OK"));
        root.put("exitCode", report.exitCode().code());
        List<Object> checks = new ArrayList<>();
        for (StatusCheck c : report.checks()) {
            Map<String, Object> n = new LinkedHashMap<>();
            n.put("id", c.id());
            n.put("name", c.name());
            n.put("status", c.level().name());
            n.put("detail", c.detail());
            if (c.fix() != null) {
                n.put("fix", c.fix());
            }
            checks.add(n);
        }
        root.put("checks", checks);
        return Json.writePretty(root);
    }
}
