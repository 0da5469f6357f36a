package com.orodc.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

/**
 * Plays the proxy image for what the CLI touches, built from this machine's Debian binaries: busybox httpd
 * answers {@code /ping} on :80, socat serves TLS on :443 with the mounted leaf + chain, microsocks is the
 * SOCKS5 server (resolving through the container's /etc/hosts), and {@code traefik healthcheck --ping} works.
 */
public final class StandInProxyImage {
    public static final String TAG = "orodc-test/proxy-standin:2";

    private static final String INIT = """
            #!/bin/sh
            # Stand-in for the proxy image: same ports, same mounts, same variables.
            mkdir -p /www
            echo OK > /www/ping
            echo "stand-in proxy for ${CERT_DOMAIN:-docker.local}" > /www/index.html
            certs=/etc/traefik/certs
            for f in fullchain.pem leaf.key; do
              if [ ! -s "$certs/$f" ]; then echo "init-certs: missing or empty $certs/$f" >&2; exit 1; fi
            done
            socat OPENSSL-LISTEN:443,reuseaddr,fork,cert=$certs/fullchain.pem,key=$certs/leaf.key,verify=0 TCP:127.0.0.1:80 &
            if [ "${DC_PROXY_SOCKS5_ENABLED:-0}" = "1" ]; then
              if [ -n "$DC_PROXY_SOCKS5_USER" ]; then
                microsocks -p "${DC_PROXY_SOCKS5_PORT:-1080}" -u "$DC_PROXY_SOCKS5_USER" -P "$DC_PROXY_SOCKS5_PASS" &
              else
                microsocks -p "${DC_PROXY_SOCKS5_PORT:-1080}" &
              fi
            fi
            echo "stand-in proxy started"
            exec httpd -f -p 80 -h /www
            """;

    private static final String TRAEFIK = """
            #!/bin/sh
            # Only what the CLI calls: the container healthcheck.
            if [ "$1" = "healthcheck" ]; then
              wget -q -O /dev/null http://127.0.0.1:80/ping && echo OK && exit 0
              exit 1
            fi
            echo "stand-in traefik: $*" >&2
            exit 2
            """;

    private StandInProxyImage() {
    }

    public static synchronized String build() {
        return LocalImages.ensure(TAG, StandInProxyImage::writeRootfs,
                List.of("--change", "ENTRYPOINT [\"/init\"]", "--change", "EXPOSE 80 443 1080",
                        "--change", "ENV PATH=/usr/local/bin:/usr/bin:/bin"));
    }

    private static void writeRootfs(Path root) throws IOException {
        LocalImages.addBusybox(root);
        for (String program : List.of("/usr/bin/socat", "/usr/bin/microsocks")) {
            LocalImages.copyWithLibraries(Path.of(program), root);
        }
        Files.createDirectories(root.resolve("etc/traefik/certs"));
        Files.createDirectories(root.resolve("tmp"));
        Files.writeString(root.resolve("etc/nsswitch.conf"), "hosts: files dns\n");
        Files.writeString(root.resolve("etc/passwd"), "root:x:0:0:root:/root:/bin/sh\nnobody:x:65534:65534:nobody:/:/bin/false\n");
        Files.writeString(root.resolve("etc/group"), "root:x:0:\nnogroup:x:65534:\n");
        executable(root.resolve("init"), INIT);
        executable(Files.createDirectories(root.resolve("usr/local/bin")).resolve("traefik"), TRAEFIK);
    }

    private static void executable(Path file, String content) throws IOException {
        Files.writeString(file, content);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
}
