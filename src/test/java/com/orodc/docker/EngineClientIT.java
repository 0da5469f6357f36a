package com.orodc.docker;

import com.orodc.core.ExitCode;
import com.orodc.core.OrodcException;
import com.orodc.core.Reporter;
import com.orodc.testing.LocalProcess;
import com.orodc.testing.Shell;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The Engine API client against this machine's engine, on each transport: its unix socket, plain tcp, and tcp with
 * TLS (socat in front of the socket, certificates made by openssl here), and the streams: exec, logs, pull errors.
 */
class EngineClientIT {
    @TempDir
    Path dir;

    private final List<LocalProcess> relays = new ArrayList<>();
    private LabelledContainers containers;

    @AfterEach
    void stop() throws Exception {
        relays.forEach(LocalProcess::close);
        if (containers != null) {
            containers.close();
        }
    }

    @Test
    void theUnixSocketAnswersPingVersionAndInfo() {
        try (DockerEngine engine = DockerEngine.connect(Map.of("HOME", dir.toString(), "DOCKER_HOST", "unix:///var/run/docker.sock"), Reporter.SILENT)) {
            engine.ping();
            assertThat(engine.version().apiVersion()).isEqualTo(docker("version", "--format", "{{.Server.APIVersion}}"));
            assertThat(engine.version().version()).isEqualTo(docker("version", "--format", "{{.Server.Version}}"));
        }
    }

    @Test
    void plainTcpAnswersThroughARelayToTheSocket() {
        int port = relay("TCP-LISTEN:%d,bind=127.0.0.1,fork,reuseaddr");
        try (DockerEngine engine = DockerEngine.connect(Map.of("HOME", dir.toString(), "DOCKER_HOST", "tcp://127.0.0.1:" + port), Reporter.SILENT)) {
            assertThat(engine.endpoint().source()).isEqualTo("DOCKER_HOST");
            engine.ping();
            assertThat(engine.version().apiVersion()).isEqualTo(docker("version", "--format", "{{.Server.APIVersion}}"));
            assertThat(engine.containers().running()).isNotNull();
        }
    }

    /** The client key in each form docker set-ups write: PKCS#8, PKCS#1 RSA and SEC 1 EC. */
    @ParameterizedTest
    @ValueSource(strings = {"pkcs8", "rsa", "ec"})
    void tlsWithTheClientCertificateAnswers(String keyForm) throws Exception {
        Path certs = certificates(keyForm, "ca");
        int port = tlsRelay(certs);
        try (DockerEngine engine = DockerEngine.connect(tlsEnv(port, certs), Reporter.SILENT)) {
            engine.ping();
            assertThat(engine.version().apiVersion()).isEqualTo(docker("version", "--format", "{{.Server.APIVersion}}"));
        }
    }

    @Test
    void tlsWithAClientCertificateTheEngineDoesNotTrustFailsSayingSo() {
        Path engine = certificates("pkcs8", "ca");
        // the engine's CA, so the engine is trusted, but a client certificate from a CA the engine never heard of
        assertTlsRefused(engine, clientFiles(certificates("pkcs8", "other-ca"), engine), "cert.pem");
    }

    @Test
    void tlsWithAnEngineCertificateThatCaPemDidNotSignFailsSayingSo() {
        Path engine = certificates("pkcs8", "ca");
        assertTlsRefused(engine, clientFiles(engine, certificates("pkcs8", "other-ca")), "ca.pem");
    }

    private void assertTlsRefused(Path engineCerts, Path clientCerts, String mentioned) {
        int port = tlsRelay(engineCerts);
        assertThatThrownBy(() -> DockerEngine.connect(tlsEnv(port, clientCerts), Reporter.SILENT))
                .isInstanceOfSatisfying(OrodcException.class, e -> assertThat(e.exitCode()).isEqualTo(ExitCode.CERTIFICATE))
                .hasMessageContaining("tcp://127.0.0.1:" + port).hasMessageContaining("refused").hasMessageContaining(mentioned);
    }

    /** A DOCKER_CERT_PATH with the client certificate and key of one set and the ca.pem of another. */
    private Path clientFiles(Path certAndKey, Path ca) {
        Path d = dir.resolve("client-" + certAndKey.getFileName() + "-" + ca.getFileName());
        try {
            Files.createDirectories(d);
            Files.copy(certAndKey.resolve("cert.pem"), d.resolve("cert.pem"));
            Files.copy(certAndKey.resolve("key.pem"), d.resolve("key.pem"));
            Files.copy(ca.resolve("ca.pem"), d.resolve("ca.pem"));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return d;
    }

    @Test
    void tlsWithoutTheKeyFileFailsNamingIt() throws Exception {
        Path certs = certificates("pkcs8", "ca");
        int port = tlsRelay(certs);
        Files.delete(certs.resolve("key.pem"));
        assertThatThrownBy(() -> DockerEngine.connect(tlsEnv(port, certs), Reporter.SILENT))
                .isInstanceOfSatisfying(OrodcException.class, e -> assertThat(e.exitCode()).isEqualTo(ExitCode.CERTIFICATE))
                .hasMessageStartingWith("no " + certs.resolve("key.pem")).hasMessageContaining("DOCKER_CERT_PATH");
    }

    @Test
    void execReturnsStdoutAndStderrByteForByteAndTheExitCode() {
        containers = new LabelledContainers();
        String name = containers.start("exec-bytes", Map.of());
        try (DockerEngine engine = DockerConnector.connect(System.getenv())) {
            // every byte value on stdout, 70 KB on stderr (more than one frame), and a chosen exit status
            ContainerExec.Result r = engine.exec().execute(name, List.of("sh", "-c",
                    "i=0; while [ $i -lt 256 ]; do printf \"\\\\$(printf %o $i)\"; i=$((i+1)); done;"
                            + " head -c 70000 /dev/zero | tr '\\0' e >&2; exit 7"), 30);
            assertThat(r.exitCode()).isEqualTo(7);
            byte[] all = new byte[256];
            for (int i = 0; i < 256; i++) {
                all[i] = (byte) i;
            }
            assertThat(r.stdout().getBytes(StandardCharsets.ISO_8859_1)).isEqualTo(all);
            assertThat(r.stderr()).isEqualTo("e".repeat(70000));
        }
    }

    @Test
    void execThatOutlivesItsTimeoutReportsMinusOne() {
        containers = new LabelledContainers();
        String name = containers.start("exec-slow", Map.of());
        try (DockerEngine engine = DockerConnector.connect(System.getenv())) {
            long start = System.nanoTime();
            ContainerExec.Result r = engine.exec().execute(name, List.of("sh", "-c", "echo started; sleep 20"), 1);
            assertThat(r.exitCode()).isEqualTo(-1);
            assertThat(r.stdout()).isEqualTo("started\n");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
        }
    }

    @Test
    void logsAreTheContainersLinesFromBothStreams() throws Exception {
        containers = new LabelledContainers();
        String name = containers.start("logs", Map.of(), List.of("sh", "-c", "echo one; echo two >&2; echo three; sleep 3600"));
        try (DockerEngine engine = DockerConnector.connect(System.getenv())) {
            List<String> lines = List.of();
            for (int i = 0; i < 50 && lines.size() < 3; i++) {
                lines = engine.proxyContainers().logs(name, 10);
                Thread.sleep(100);
            }
            assertThat(lines).containsExactlyInAnyOrder("one", "two", "three");
            assertThat(engine.proxyContainers().logs(name, 1)).hasSize(1);
        }
    }

    @Test
    void aPullThatFailsInTheEngineIsAnEngineExceptionWithItsMessage() {
        // a registry on this machine that refuses every connection: nothing is downloaded
        int port = LocalProcess.freePort();
        String image = "127.0.0.1:" + port + "/orodc-test/never-there:1";
        try (DockerEngine engine = DockerConnector.connect(System.getenv())) {
            assertThatThrownBy(() -> engine.images().pull(image, s -> { }, Duration.ofSeconds(60)))
                    .isInstanceOf(EngineException.class).hasMessageContaining("127.0.0.1:" + port);
            assertThat(engine.images().find(image)).isEmpty();
        }
    }

    @Test
    void anImageSavedAsATarLoadsBackAndAGarbledTarIsRefused() throws Exception {
        String image = com.orodc.testing.LocalImages.busybox();
        try (DockerEngine engine = DockerConnector.connect(System.getenv())) {
            ImageInfo info = engine.images().find(image).orElseThrow();
            assertThat(info.id()).isEqualTo(docker("image", "inspect", "--format", "{{.Id}}", image));
            assertThat(info.layers()).isNotEmpty();
            byte[] tar;
            try (java.io.InputStream saved = engine.images().save(image)) {
                tar = saved.readAllBytes();
            }
            // a docker save archive names its images in manifest.json
            assertThat(new String(tar, StandardCharsets.ISO_8859_1)).contains("manifest.json");
            engine.images().load(new java.io.ByteArrayInputStream(tar));
            assertThat(engine.images().find(image)).map(ImageInfo::id).contains(info.id());
            assertThatThrownBy(() -> engine.images().load(new java.io.ByteArrayInputStream("not a tar".repeat(200).getBytes(StandardCharsets.US_ASCII))))
                    .isInstanceOf(EngineException.class);
        }
    }

    private Map<String, String> tlsEnv(int port, Path certs) {
        return Map.of("HOME", dir.toString(), "DOCKER_HOST", "tcp://127.0.0.1:" + port, "DOCKER_TLS_VERIFY", "1",
                "DOCKER_CERT_PATH", certs.toString());
    }

    private int tlsRelay(Path certs) {
        return relay("OPENSSL-LISTEN:%d,bind=127.0.0.1,fork,reuseaddr,cert=" + certs.resolve("server.pem") + ",key=" + certs.resolve("server.key")
                + ",cafile=" + certs.resolve("ca.pem") + ",verify=1");
    }

    /** socat from a free port on 127.0.0.1 to the engine's socket; {@code listen} has %d for the port. */
    private int relay(String listen) {
        if (!Shell.available("socat")) {
            throw new AssertionError("socat is missing: install it (.ci/install-deps test)");
        }
        int port = LocalProcess.freePort();
        relays.add(LocalProcess.start(List.of("socat", String.format(listen, port), "UNIX-CONNECT:/var/run/docker.sock"), port));
        return port;
    }

    /** A CA, a server certificate for 127.0.0.1 and a client certificate whose key is written in {@code keyForm}. */
    private Path certificates(String keyForm, String caName) {
        if (!Shell.available("openssl")) {
            throw new AssertionError("openssl is missing: install it (.ci/install-deps test)");
        }
        Path d = dir.resolve(caName + "-" + keyForm);
        String clientKey = switch (keyForm) {
            case "rsa" -> "openssl genrsa -traditional -out key.pem 2048 2>/dev/null";
            case "ec" -> "openssl ecparam -name prime256v1 -genkey -out key.pem";
            default -> "openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out key.pem";
        };
        String script = String.join(" && ",
                "mkdir -p " + d, "cd " + d,
                "openssl req -x509 -newkey rsa:2048 -nodes -keyout ca.key -out ca.pem -days 2 -subj /CN=" + caName + " 2>/dev/null",
                "openssl req -newkey rsa:2048 -nodes -keyout server.key -out server.csr -subj /CN=127.0.0.1 2>/dev/null",
                "printf 'subjectAltName=IP:127.0.0.1\\nextendedKeyUsage=serverAuth\\n' > server.ext",
                "openssl x509 -req -in server.csr -CA ca.pem -CAkey ca.key -CAcreateserial -out server.pem -days 2 -extfile server.ext 2>/dev/null",
                clientKey,
                "openssl req -new -key key.pem -out client.csr -subj /CN=client 2>/dev/null",
                "printf 'extendedKeyUsage=clientAuth\\n' > client.ext",
                "openssl x509 -req -in client.csr -CA ca.pem -CAkey ca.key -CAcreateserial -out cert.pem -days 2 -extfile client.ext 2>/dev/null");
        Shell.run("sh", "-c", script).orFail();
        String key = Shell.run("head", "-1", d.resolve("key.pem").toString()).orFail().out();
        assertThat(key).as("the key form under test").contains(switch (keyForm) {
            case "rsa" -> "BEGIN RSA PRIVATE KEY";
            case "ec" -> "BEGIN EC PARAMETERS";
            default -> "BEGIN PRIVATE KEY";
        });
        return d;
    }

    private static String docker(String... args) {
        List<String> command = new ArrayList<>(List.of("docker"));
        command.addAll(List.of(args));
        return Shell.run(command).orFail().out().strip();
    }
}
