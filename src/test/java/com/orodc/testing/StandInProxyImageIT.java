package com.orodc.testing;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class StandInProxyImageIT {
    @Test
    void healthcheckAndSocksBinaryWork() {
        String image = StandInProxyImage.build();
        var r = Shell.run("docker", "run", "--rm", "--entrypoint", "/bin/sh", image, "-c",
                "httpd -p 80 -h /etc && sleep 0.2; mkdir -p /www; echo OK > /etc/ping; traefik healthcheck --ping; microsocks -h 2>&1 | head -1; socat -V | head -2").orFail();
        assertThat(r.out()).contains("OK").contains("socat");
    }
}
