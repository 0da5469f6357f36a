package com.orodc.workflow.hostsync;

import com.orodc.core.HostName;
import com.orodc.docker.RunningContainer;
import com.orodc.hosts.AllowedNames;
import com.orodc.hosts.HostsBlock;
import com.orodc.hosts.HostsFileText;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.SortedMap;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Labels as a hostile or careless image could set them, seeded and repeatable: whatever they hold, the
 * hosts sync takes only valid names under the allowed suffix, the block it writes parses back to exactly
 * those names, no label adds a line of its own to the hosts file, and every log line stays one line.
 */
class HostileLabelsFuzzTest {
    private static final long SEED = 20261203L;
    private static final int CONTAINERS = 3000;
    private static final String[] PIECES = {"shop", "a", "-", ".", "..", "docker", "local", ".docker.local", "docker.local",
            "evil.com", "\n", "\r\n", "\t", " ", ",", "`", "\"", "'", "(", ")", "Host(", "Host(`", "`)", "||", "&&",
            "HostRegexp(`.*`)", "127.0.0.1", "::1", "#", "# OroDC Auto DNS - END", "# OroDC Auto DNS - START", "\u2028",
            "\u202e", "\u200b", "\u0000", "\u001b[2J", "\u00e9", "\u4e2d", "\ud83d\ude00", "\ud800", "xn--", "*", "_", "%",
            "localhost", "0", "9", "A", "Z", "x".repeat(64), "y".repeat(300)};
    private static final String[] LABELS = {"orodc.dns.hostname", "traefik.enable", "traefik.http.routers.r.rule",
            "traefik.http.routers.r.entrypoints", "traefik.http.routers.x.y.rule", "traefik.tcp.routers.t.rule"};

    @Test
    void whateverTheLabelsHoldOnlyValidNamesReachTheFileAndNothingElse() {
        Random random = new Random(SEED);
        List<String> logged = new ArrayList<>();
        HostsSyncNames sync = new HostsSyncNames(AllowedNames.under(List.of("docker.local")), (level, message) -> logged.add(message));
        List<RunningContainer> running = new ArrayList<>();
        for (int i = 0; i < CONTAINERS; i++) {
            Map<String, String> labels = new LinkedHashMap<>();
            int count = 1 + random.nextInt(4);
            for (int l = 0; l < count; l++) {
                labels.put(LABELS[random.nextInt(LABELS.length)], value(random));
            }
            if (random.nextBoolean()) {
                labels.put("traefik.enable", random.nextBoolean() ? "true" : value(random));
            }
            running.add(new RunningContainer("id" + i, "c" + i + value(random).replaceAll("[^a-z]", ""), labels));
        }

        SortedMap<String, String> names = sync.of(running);

        assertThat(names).as("the fuzz reaches the accepting path too").isNotEmpty();
        for (String name : names.keySet()) {
            assertThat(HostName.isValid(name)).as("valid: %s", name).isTrue();
            assertThat(HostName.isUnder(name, "docker.local")).as("under the suffix: %s", name).isTrue();
            assertThat(name).as("ASCII only").matches("[a-z0-9.-]+");
        }
        String block = HostsBlock.of(names.keySet(), HostsBlock.IPV4_AND_IPV6).render("\n");
        String file = "127.0.0.1 localhost\n" + block;
        HostsFileText parsed = HostsFileText.parse(file.getBytes(StandardCharsets.UTF_8), "hosts");
        assertThat(parsed.blockNames()).isEqualTo(new TreeSet<>(names.keySet()));
        assertThat(block.lines().count()).as("two lines per name plus the markers").isEqualTo(2L * names.size() + 2);
        for (String line : logged) {
            assertThat(line.lines().count()).as("one line: %s", line).isEqualTo(1);
            assertThat(line.codePoints()).noneMatch(c -> Character.getType(c) == Character.CONTROL
                    || Character.getType(c) == Character.FORMAT || Character.getType(c) == Character.LINE_SEPARATOR
                    || Character.getType(c) == Character.PARAGRAPH_SEPARATOR || Character.getType(c) == Character.SURROGATE);
            assertThat(line.length()).as("a log line stays short").isLessThan(1000);
        }
    }

    private static String value(Random random) {
        StringBuilder v = new StringBuilder();
        int pieces = random.nextInt(8);
        for (int p = 0; p < pieces; p++) {
            v.append(random.nextInt(10) == 0 ? (char) random.nextInt(0x3000) : PIECES[random.nextInt(PIECES.length)]);
        }
        return v.toString();
    }
}
