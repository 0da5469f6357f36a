package com.orodc.workflow.proxy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.orodc.core.Reporter;
import com.orodc.docker.LabelledContainers;
import com.orodc.testing.Await;
import com.orodc.testing.ClientImages;
import com.orodc.testing.LocalImages;
import com.orodc.testing.ProxyFixture;
import com.orodc.testing.Shell;
import com.orodc.testing.StandInProxyImage;
import com.orodc.workflow.ProxySpecs;
import com.orodc.workflow.ProxyTestBase;
import com.orodc.workflow.hostsync.HostsSync;
import com.orodc.workflow.hostsync.HostsSyncRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A project's own containers on dc_shared_net reach the proxy by the names the hosts sync knows (the proxy's network
 * aliases) and trust it with the files proxy trust-snippet mounts: real engine, the stand-in proxy image, clients made
 * from this machine's busybox and curl.
 */
class ProxyNamesInNetworkIT extends ProxyTestBase {
    private final List<String> log = Collections.synchronizedList(new ArrayList<>());
    private final List<String> clients = new ArrayList<>();
    private LabelledContainers apps;
    private HostsSync sync;
    private String client;

    @BeforeEach
    void installProxy() {
        proxy.cli().run("install-proxy").assertSuccess();
        apps = new LabelledContainers();
        // a project's container on the shared network, asking Docker's resolver as every container there does
        client = "orodc-t-client-" + UUID.randomUUID().toString().substring(0, 8);
        clients.add(client);
        Shell.run("docker", "run", "-d", "--name", client, "--network", ProxySpecs.NETWORK, "--label", "orodc.test=true",
                LocalImages.busybox(), "sleep", "3600").orFail();
    }

    @AfterEach
    void cleanUp() throws Exception {
        if (sync != null) {
            sync.close();
        }
        apps.close();
        clients.forEach(c -> Shell.run("docker", "rm", "-f", c));
    }

    private void startSync() throws Exception {
        Path hosts = Files.writeString(home.resolve("hosts"), "127.0.0.1 localhost\n");
        Reporter reporter = (level, message) -> log.add(level + " " + message);
        sync = new HostsSync(new HostsSyncRequest(List.of("docker.local"), hosts, false, Optional.of(ProxySpecs.CONTAINER),
                home.resolve("state/dns-sync.json"), System.getenv(), HostsSyncRequest.Timing.DEFAULT), reporter);
        sync.start();
    }

    private static String name(String role) {
        return role + "-" + UUID.randomUUID().toString().substring(0, 8) + ".docker.local";
    }

    /** Empty for the moment a re-attach takes. */
    private static String proxyAddress() {
        return ProxyFixture.inspect("{{range $n, $e := .NetworkSettings.Networks}}{{if eq $n \"" + ProxySpecs.NETWORK
                + "\"}}{{$e.IPAddress}}{{end}}{{end}}");
    }

    /** The addresses Docker's resolver gives {@code name} inside the client container; empty when it has none. */
    private List<String> resolved(String name) {
        Shell.Result r = Shell.run(List.of("docker", "exec", client, "nslookup", name), null, 20);
        return answers(r.out());
    }

    private static List<String> answers(String nslookupOutput) {
        List<String> addresses = new ArrayList<>();
        boolean answer = false;
        for (String line : nslookupOutput.lines().toList()) {
            answer |= line.startsWith("Name:");
            if (answer && line.startsWith("Address")) {
                addresses.add(line.substring(line.indexOf(':') + 1).strip().split("\\s+")[0]);
            }
        }
        return addresses;
    }

    private void awaitResolves(String name, boolean toProxy) throws Exception {
        await(name + (toProxy ? " resolves to the proxy " : " does not resolve ") + "in " + ProxySpecs.NETWORK + "; log " + log,
                30, () -> {
                    List<String> got = resolved(name);
                    String address = proxyAddress();
                    return toProxy ? !address.isEmpty() && got.contains(address) : got.isEmpty();
                });
    }

    private static void await(String what, long seconds, BooleanSupplier condition) throws Exception {
        Await.until(what, seconds, 100, condition);
    }

    /** {@code docker run --rm} of a project's container on the shared network, with {@code options} before the image. */
    private static Shell.Result runInProject(List<String> options, String image, String... args) {
        List<String> run = new ArrayList<>(List.of("docker", "run", "--rm", "--network", ProxySpecs.NETWORK, "--label", "orodc.test=true"));
        run.addAll(options);
        run.add(image);
        run.addAll(List.of(args));
        return Shell.run(run, null, 60);
    }

    @Test
    void namesFollowProjectsThroughRestartsOfTheProxyAndTheApp() throws Exception {
        String shop = name("shop");
        String early = apps.start("early", Map.of("orodc.dns.hostname", shop));
        // without the hosts sync nothing has told the proxy: status says so, with the fix
        proxy.cli().run("proxy-status").assertOut("WARN Names in dc_shared_net").assertOut(shop + " (no answer)")
                .assertOut("orodc proxy-dns-setup --install");
        assertThat(resolved(shop)).isEmpty();

        startSync();
        awaitResolves(shop, true);
        // the proxy's own names are there too, and a name it does not serve is not
        assertThat(resolved("proxy.docker.local")).contains(proxyAddress());
        assertThat(resolved(name("nobody"))).isEmpty();
        proxy.cli().run("proxy-status").assertOut("OK   Names in dc_shared_net").assertOut("resolve to the proxy (" + proxyAddress() + ")");

        String api = name("api");
        String late = apps.start("late", Map.of("traefik.enable", "true", "traefik.http.routers.api.rule", "Host(`" + api + "`)"));
        awaitResolves(api, true);

        Shell.run(List.of("docker", "restart", "-t", "2", ProxySpecs.CONTAINER), null, 60).orFail();
        awaitResolves(shop, true);
        awaitResolves(api, true);

        Shell.run(List.of("docker", "restart", "-t", "1", early), null, 60).orFail();
        awaitResolves(shop, true);

        apps.kill(late);
        awaitResolves(api, false);
        assertThat(resolved(shop)).contains(proxyAddress());
    }

    @Test
    void aProxyLeftOffTheNetworkIsAttachedAgainAtTheNextChange() throws Exception {
        startSync();
        await("first sync; log " + log, 30, () -> sync.stats().reconciles() >= 1);
        Shell.run("docker", "network", "disconnect", ProxySpecs.NETWORK, ProxySpecs.CONTAINER).orFail();
        String shop = name("shop");
        apps.start("shop", Map.of("orodc.dns.hostname", shop));
        awaitResolves(shop, true);
        assertThat(resolved("proxy.docker.local")).contains(proxyAddress());
    }

    @Test
    void aProxyOfAnOlderOrodcKeepsItsPortsUntilInstallProxyReplacesIt() throws Exception {
        // as an earlier orodc created it: one network, the ports published on it
        Shell.run("docker", "rm", "-f", ProxySpecs.CONTAINER).orFail();
        Shell.run("docker", "run", "-d", "--name", ProxySpecs.CONTAINER, "--network", ProxySpecs.NETWORK,
                "--label", "orodc.managed=true", "-p", "127.0.0.1:" + proxy.httpsPort + ":443",
                "-v", home.resolve("proxy/certs") + ":/etc/traefik/certs:ro", StandInProxyImage.TAG).orFail();
        String aliasesBefore = ProxyFixture.inspect("{{json .NetworkSettings.Networks}}");
        startSync();
        String shop = name("shop");
        apps.start("shop", Map.of("orodc.dns.hostname", shop));
        await("the names in the proxy's /etc/hosts; log " + log, 30, () ->
                Shell.run("docker", "exec", ProxySpecs.CONTAINER, "cat", "/etc/hosts").out().contains(shop));
        // not re-attached: the same endpoint, no names of ours
        assertThat(ProxyFixture.inspect("{{json .NetworkSettings.Networks}}")).isEqualTo(aliasesBefore);
        assertThat(resolved(shop)).isEmpty();
        proxy.cli().run("proxy-status").assertOut("WARN Names in dc_shared_net").assertOut("created by an older orodc")
                .assertOut("recreate it: orodc install-proxy");

        proxy.cli().run("install-proxy").assertSuccess();
        awaitResolves(shop, true);
    }

    @Test
    void curlInAProjectContainerTrustsTheProxyWithTheSnippetAndNotWithout() throws Exception {
        String shop = name("shop");
        apps.start("shop", Map.of("orodc.dns.hostname", shop));
        startSync();
        awaitResolves(shop, true);

        String snippet = proxy.cli().run("proxy", "trust-snippet", "--service", "php").assertSuccess().out();
        JsonNode service = new ObjectMapper(new YAMLFactory()).readTree(snippet).path("services").path("php");
        List<String> options = new ArrayList<>();
        service.path("volumes").forEach(v -> options.addAll(List.of("-v", v.asText())));
        service.path("environment").fields().forEachRemaining(e -> options.addAll(List.of("-e", e.getKey() + "=" + e.getValue().asText())));
        assertThat(options).contains("-v", "-e");
        String url = "https://" + shop + "/";

        Shell.Result trusted = runInProject(options, ClientImages.curl(), "-sS", "--max-time", "10", url);
        assertThat(trusted.exitCode()).as("curl with the snippet: %s", trusted.err()).isZero();
        assertThat(trusted.out()).contains("stand-in proxy for docker.local");

        // the same image without the snippet trusts only the public roots: a certificate error (curl's exit 60)
        Shell.Result untrusted = runInProject(List.of(), ClientImages.curl(), "-sS", "--max-time", "10", url);
        assertThat(untrusted.exitCode()).as(untrusted.err()).isEqualTo(60);
        assertThat(untrusted.err()).contains("SSL certificate problem");
    }

    @Test
    void anImageWithoutAShellResolvesTheNamesToo() throws Exception {
        String shop = name("shop");
        apps.start("shop", Map.of("orodc.dns.hostname", shop));
        startSync();
        awaitResolves(shop, true);

        Shell.Result r = runInProject(List.of(), ClientImages.staticNslookup(), shop);
        assertThat(r.exitCode()).as(r.out() + r.err()).isZero();
        assertThat(answers(r.out())).contains(proxyAddress());
    }

    @Test
    void aBurstOf50ProjectsNeedsFewReattachesAndLeavesAConnectionToThePublishedPortAlone() throws Exception {
        startSync();
        await("first sync; log " + log, 30, () -> sync.stats().reconciles() >= 1);
        try (SSLSocket session = tlsSession()) {
            long before = sync.stats().aliasReconnects();
            long started = System.nanoTime();
            List<String> names = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                names.add(name("burst" + i));
            }
            apps.startMany(50, 8, i -> Map.of("orodc.dns.hostname", names.get(i)));
            double burstSeconds = (System.nanoTime() - started) / 1e9;
            for (String n : names) {
                awaitResolves(n, true);
            }
            long reattaches = sync.stats().aliasReconnects() - before;
            // at most one re-attach a second while the burst lasts, plus the first and the last
            assertThat(reattaches).as("re-attaches for 50 projects started in %.1f s", burstSeconds)
                    .isBetween(1L, (long) Math.ceil(burstSeconds) + 2);
            assertThat(reattaches).isLessThan(50);

            // the TLS session made before the burst still answers: the published ports are on another network
            OutputStream out = session.getOutputStream();
            out.write("GET / HTTP/1.0\r\nHost: proxy.docker.local\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = session.getInputStream();
            String response = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            assertThat(response).startsWith("HTTP/1.").contains("stand-in proxy for docker.local");
        }
    }

    private SSLSocket tlsSession() throws Exception {
        KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
        trust.load(null, null);
        try (InputStream in = Files.newInputStream(proxy.rootCert())) {
            trust.setCertificateEntry("orodc", CertificateFactory.getInstance("X.509").generateCertificate(in));
        }
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, tmf.getTrustManagers(), null);
        SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket("127.0.0.1", proxy.httpsPort);
        socket.setSoTimeout(30_000);
        var params = socket.getSSLParameters();
        params.setServerNames(List.of(new javax.net.ssl.SNIHostName("proxy.docker.local")));
        socket.setSSLParameters(params);
        socket.startHandshake();
        return socket;
    }
}
