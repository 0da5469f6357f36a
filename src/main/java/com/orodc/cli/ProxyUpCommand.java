package com.orodc.cli;

import picocli.CommandLine.Command;

/** The bash OroDC verb: the same as install-proxy. */
@Command(name = "up", description = "Start the proxy (same as orodc install-proxy).",
        footerHeading = "%nExamples:%n", footer = {"  orodc proxy up", "  orodc proxy up --socks5"})
class ProxyUpCommand extends InstallProxyCommand {
}
