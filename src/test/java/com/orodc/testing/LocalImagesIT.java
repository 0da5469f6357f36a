package com.orodc.testing;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LocalImagesIT {
    @Test
    void busyboxImageRunsAShell() {
        String image = LocalImages.busybox();
        var r = Shell.run("docker", "run", "--rm", image, "sh", "-c", "echo hello from $(uname -m)").orFail();
        assertThat(r.out()).contains("hello from x86_64");
    }
}
