package com.orodc.workflow.hostsync;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The state file proxy-dns-setup --status reads: the same bytes as the versions before, and read back whole. */
class HostsSyncStateTest {
    @TempDir
    Path dir;

    @Test
    void theFileIsByteForByteWhatEarlierVersionsWroteAndReadsBack() throws Exception {
        Map<String, String> names = new LinkedHashMap<>();
        names.put("web.docker.local", "proj-web-1");
        names.put("api.docker.local", "proj-api-1 \"quoted\"\t\u00e9");
        HostsSyncState state = new HostsSyncState(4242, "2026-12-03T17:00:00.123Z", "/etc/hosts", names, List.of("one failed", "two"));
        Path file = dir.resolve("state/hosts-sync.json");

        state.write(file);

        // what the earlier versions wrote: Jackson's default pretty printer over the record
        String earlier = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(state);
        assertThat(Files.readString(file)).isEqualTo(earlier);
        assertThat(HostsSyncState.read(file)).contains(state);
    }

    @Test
    void noErrorsAndNoNamesKeepTheirShapeToo() throws Exception {
        HostsSyncState state = new HostsSyncState(1, "t", "/h", Map.of(), List.of());
        Path file = dir.resolve("s.json");
        state.write(file);
        assertThat(Files.readString(file)).isEqualTo(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(state));
        assertThat(HostsSyncState.read(file)).contains(state);
    }

    @Test
    void aDamagedFileReadsAsNoState() throws Exception {
        Path file = dir.resolve("s.json");
        Files.writeString(file, "{\"pid\": 1, \"names\": ");
        assertThat(HostsSyncState.read(file)).isEmpty();
        assertThat(HostsSyncState.read(dir.resolve("absent.json"))).isEmpty();
    }
}
