package com.orodc.workflow.proxy;

import com.orodc.core.OrodcConfig;
import com.orodc.core.OrodcException;
import com.orodc.core.Reporter;
import com.orodc.probe.Socks5Probe;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Optional;

/** proxy-socks5-test: one SOCKS5 session through the proxy to {@code proxy.CERT_DOMAIN:80}. */
public final class Socks5TestWorkflow {
    public record Request(OrodcConfig config, Optional<String> target, int timeoutMillis) {
    }

    private final Reporter reporter;

    public Socks5TestWorkflow(Reporter reporter) {
        this.reporter = reporter;
    }

    /** One line per step of the probe, in order, and whether every step passed. */
    public record Result(List<String> lines, boolean ok) {
        public Result {
            lines = List.copyOf(lines);
        }
    }

    public Result run(Request request) {
        OrodcConfig config = request.config();
        if (!config.socks5Enabled()) {
            reporter.warn("SOCKS5 is disabled (DC_PROXY_SOCKS5_ENABLED=0); testing the port anyway");
        }
        InetAddress bind = config.socks5Bind();
        // a wildcard bind is reachable on loopback; connecting to 0.0.0.0 itself is not portable
        InetAddress server = bind.isAnyLocalAddress() ? InetAddress.getLoopbackAddress() : bind;
        String target = request.target().orElse("proxy." + config.certDomain() + ":80");
        int colon = target.lastIndexOf(':');
        String host = colon > 0 ? target.substring(0, colon) : target;
        int port = colon > 0 ? port(target.substring(colon + 1)) : 80;
        Optional<Socks5Probe.Credentials> credentials = config.socks5User()
                .map(user -> new Socks5Probe.Credentials(user, config.socks5Password().orElse("")));
        Socks5Probe.Report report = new Socks5Probe().run(new Socks5Probe.Request(new InetSocketAddress(server, config.socks5Port()),
                credentials, host, port, request.timeoutMillis()));
        List<String> lines = report.steps().stream().map(step -> String.format("%-4s %-32s %6d ms  %s",
                step.ok() ? "OK" : "FAIL", step.name(), step.took().toMillis(), step.detail())).toList();
        return new Result(lines, report.ok());
    }

    private static int port(String text) {
        try {
            int port = Integer.parseInt(text);
            if (port >= 1 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw OrodcException.usage("--target port '" + text + "' is not valid: expected HOST or HOST:PORT with a port from 1 to 65535");
    }
}
