package com.orodc.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "proxy-image", mixinStandardHelpOptions = true,
        description = "Build, publish and inspect the proxy image (Traefik v3, s6-overlay v3, SOCKS5; linux/amd64 and linux/arm64).",
        subcommands = {ProxyImageBuildCommand.class, ProxyImagePublishCommand.class, ProxyImageInspectCommand.class})
class ProxyImageCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
