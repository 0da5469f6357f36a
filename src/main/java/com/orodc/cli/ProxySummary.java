package com.orodc.cli;

import com.orodc.core.IpLiteral;
import com.orodc.core.OrodcConfig;
import com.orodc.workflow.proxy.InstallProxyWorkflow;

import java.io.PrintWriter;

/** What install-proxy and proxy up print when the proxy is healthy: where to go next. */
final class ProxySummary {
    private ProxySummary() {
    }

    static void print(PrintWriter out, InstallProxyWorkflow.Result result) {
        OrodcConfig c = result.config();
        String host = c.bindAddress().isAnyLocalAddress() || c.bindAddress().isLoopbackAddress() ? "" : " on " + IpLiteral.of(c.bindAddress());
        String state = switch (result.outcome()) {
            case CREATED -> "created";
            case RECREATED -> "recreated";
            case STARTED -> "started";
            case UP_TO_DATE -> "up to date";
        };
        out.printf("Proxy is healthy (%s), image %s%s%n", state, result.image(), host);
        out.printf("  HTTP       http://<project>.%s:%d/%n", c.certDomain(), c.httpPort());
        out.printf("  HTTPS      https://<project>.%s:%d/%n", c.certDomain(), c.httpsPort());
        out.printf("  Dashboard  https://traefik.%s:%d/dashboard/%n", c.certDomain(), c.httpsPort());
        out.printf("  CA         %s%n", result.rootCertificate());
        out.println("             trust it once: orodc export-proxy-cert --install");
        if (c.socks5Enabled()) {
            out.printf("  SOCKS5     %s:%d (%s); check it: orodc proxy-socks5-test%n", IpLiteral.of(c.socks5Bind()), c.socks5Port(),
                    c.socks5User().isPresent() ? "login required" : "no login");
        } else {
            out.println("  SOCKS5     off; enable: DC_PROXY_SOCKS5_ENABLED=1 orodc install-proxy");
        }
        out.println("  Names      keep /etc/hosts in sync: sudo orodc proxy-dns-setup --install");
        out.printf("  Compose    %s%n", result.layout().composeFile());
    }
}
