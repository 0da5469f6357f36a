package com.orodc.cli;

import com.orodc.core.ConfigKey;
import com.orodc.core.OrodcConfig;
import com.orodc.core.wsl.WslEnvironment;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

@Command(name = "config",
        description = "Show the effective settings and where each one comes from.",
        footerHeading = "%nExamples:%n",
        footer = {"  orodc config", "  TRAEFIK_BIND_PORT=9080 orodc config --cert-domain dev.local"})
class ConfigCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ConfigOptions options;

    @Override
    public Integer call() {
        RunContext context = Commands.context(spec);
        OrodcConfig config = options.resolve(context);
        PrintWriter out = spec.commandLine().getOut();
        for (ConfigKey key : ConfigKey.values()) {
            String value = key == ConfigKey.DC_PROXY_SOCKS5_PASS && !config.value(key).isEmpty() ? "********" : config.value(key);
            out.printf("%-24s %-20s (%s)%n", key.name(), value, config.sourceOf(key).describe());
        }
        out.printf("%-24s %s%n", "ORODC_HOME", context.home().root());
        WslEnvironment wsl = WslEnvironment.detect(context.environment());
        if (wsl.detected()) {
            out.printf("%-24s %s%n", "WSL", wsl.describe());
        }
        return 0;
    }
}
