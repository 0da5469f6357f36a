package com.orodc.workflow.status;

import com.orodc.core.DaysLeft;
import com.orodc.core.IpLiteral;
import com.orodc.core.OrodcConfig;
import com.orodc.core.json.Json;
import com.orodc.core.json.JsonException;
import com.orodc.probe.HttpPing;
import com.orodc.probe.Socks5Probe;
import com.orodc.probe.TlsProbe;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** proxy-status checks that talk to the proxy the way a browser or curl would, through the host ports. */
final class EndpointChecks {
    static final int TIMEOUT_MILLIS = 3000;
    /** Renewal is automatic at 30 days: a leaf closer to its end than that means renewal is not running. */
    static final Duration RENEWAL_WINDOW = Duration.ofDays(30);

    private final OrodcConfig config;
    private final Clock clock;

    EndpointChecks(OrodcConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
    }

    private InetSocketAddress on(InetAddress bind, int port) {
        return new InetSocketAddress(bind.isAnyLocalAddress() ? InetAddress.getLoopbackAddress() : bind, port);
    }

    private String proxyHost() {
        return "proxy." + config.certDomain();
    }

    StatusCheck ping() {
        try {
            HttpPing.Response r = HttpPing.get(on(config.bindAddress(), config.httpPort()), proxyHost(), "/ping", TIMEOUT_MILLIS);
            return r.status() == 200
                    ? StatusCheck.ok("ping", "HTTP ping", "http://" + proxyHost() + ":" + config.httpPort() + "/ping answered " + r.body().strip())
                    : StatusCheck.fail("ping", "HTTP ping", "answered HTTP " + r.status(), "see why: orodc proxy logs");
        } catch (IOException e) {
            return StatusCheck.fail("ping", "HTTP ping", "no answer on " + IpLiteral.of(config.bindAddress()) + ":" + config.httpPort()
                    + " (" + e.getMessage() + ")", "is the container healthy? orodc proxy restart");
        }
    }

    StatusCheck tls(Optional<X509Certificate> root) {
        if (root.isEmpty()) {
            return StatusCheck.fail("tls", "HTTPS", "no root certificate to verify against", "orodc proxy install-certs");
        }
        try {
            TlsProbe.Result r = TlsProbe.handshake(on(config.bindAddress(), config.httpsPort()), proxyHost(), root.get(), TIMEOUT_MILLIS);
            X509Certificate leaf = r.leaf();
            Instant notAfter = leaf.getNotAfter().toInstant();
            String detail = r.protocol() + ", chain of " + r.chain().size() + " verified for " + proxyHost() + ", leaf "
                    + DaysLeft.of(clock.instant(), notAfter);
            if (DaysLeft.expired(clock.instant(), notAfter)) {
                return StatusCheck.fail("tls", "HTTPS", detail, "renew it: orodc proxy install-certs (then orodc proxy restart)");
            }
            if (Duration.between(clock.instant(), notAfter).compareTo(RENEWAL_WINDOW) < 0) {
                return StatusCheck.fail("tls", "HTTPS", detail + " (expiring)", "renew it: orodc proxy install-certs (then orodc proxy restart)");
            }
            return StatusCheck.ok("tls", "HTTPS", detail);
        } catch (GeneralSecurityException | IOException e) {
            return StatusCheck.fail("tls", "HTTPS", "handshake for " + proxyHost() + " on port " + config.httpsPort() + " failed: "
                    + e.getMessage(), "re-issue and reload: orodc install-proxy");
        }
    }

    StatusCheck routers() {
        try {
            HttpPing.Response r = HttpPing.get(on(config.bindAddress(), config.httpPort()), "traefik." + config.certDomain(),
                    "/api/http/routers", TIMEOUT_MILLIS);
            if (r.status() != 200) {
                return StatusCheck.warn("routers", "Traefik routers", "the API answered HTTP " + r.status(),
                        "is this the orodc proxy image? orodc install-proxy --build");
            }
            if (!(Json.parse(r.body()) instanceof List<?> routers)) {
                return StatusCheck.warn("routers", "Traefik routers", "the API did not answer a list of routers",
                        "is this the orodc proxy image? orodc install-proxy --build");
            }
            List<String> broken = new ArrayList<>();
            for (Object router : routers) {
                Map<String, Object> fields = router instanceof Map<?, ?> ? asObject(router) : Map.of();
                if (!"enabled".equals(Json.string(fields, "status", ""))) {
                    broken.add(Json.string(fields, "name", "") + ": " + (fields.get("error") == null ? "" : Json.write(fields.get("error"))));
                }
            }
            return broken.isEmpty()
                    ? StatusCheck.ok("routers", "Traefik routers", routers.size() + " routers, all enabled")
                    : StatusCheck.warn("routers", "Traefik routers", String.join("; ", broken), "fix the labels of those containers");
        } catch (IOException | JsonException e) {
            return StatusCheck.warn("routers", "Traefik routers", "cannot read the Traefik API: " + e.getMessage(), null);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asObject(Object router) {
        return (Map<String, Object>) router;
    }

    StatusCheck socks5() {
        String where = IpLiteral.of(config.socks5Bind()) + ":" + config.socks5Port();
        String auth = config.socks5User().isPresent() ? "login required" : "no login";
        if (!config.socks5Enabled()) {
            return StatusCheck.ok("socks5", "SOCKS5", "disabled (enable with DC_PROXY_SOCKS5_ENABLED=1)");
        }
        Socks5Probe.Report report = new Socks5Probe().run(new Socks5Probe.Request(on(config.socks5Bind(), config.socks5Port()),
                config.socks5User().map(u -> new Socks5Probe.Credentials(u, config.socks5Password().orElse(""))),
                proxyHost(), 80, TIMEOUT_MILLIS));
        if (report.ok()) {
            return StatusCheck.ok("socks5", "SOCKS5", "enabled on " + where + ", " + auth + ", reaches " + proxyHost());
        }
        var failed = report.steps().stream().filter(s -> !s.ok()).findFirst();
        return StatusCheck.fail("socks5", "SOCKS5", "enabled on " + where + ", " + auth + ", but "
                + failed.map(s -> s.name() + ": " + s.detail()).orElse("failed"), "details: orodc proxy-socks5-test");
    }
}
