package com.orodc.docker;

import com.orodc.core.json.Json;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bodies of the create calls, against golden files holding what the earlier client sent for the same spec
 * (its null members left out: the engine reads them as absent), compared as JSON values.
 */
class CreateBodyTest {
    @Test
    void theProxyContainerIsCreatedWithEveryFieldOfTheSpec() throws IOException {
        Object body = Json.parse(Json.write(ProxyContainers.createBody(SampleProxySpec.spec(), "abc123")));
        assertThat(body).isEqualTo(golden("proxy-container-create.json"));
    }

    @Test
    void theVolumeReaderMountsTheVolumeWithoutCopyingAndNeverRuns() throws IOException {
        Object body = Json.parse(Json.write(VolumeFiles.readerBody("vol", "busybox:1")));
        assertThat(body).isEqualTo(golden("volume-reader-create.json"));
    }

    private static Object golden(String name) throws IOException {
        try (InputStream in = CreateBodyTest.class.getResourceAsStream("/golden/docker/" + name)) {
            return Json.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }
}
