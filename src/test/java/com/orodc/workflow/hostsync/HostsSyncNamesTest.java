package com.orodc.workflow.hostsync;

import com.orodc.docker.RunningContainer;
import com.orodc.hosts.AllowedNames;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** What the hosts sync logs about labels it cannot use: one line each, whatever the label holds. */
class HostsSyncNamesTest {
    @ParameterizedTest
    @ValueSource(strings = {"a\u2028b.docker.local", "a\u2029b.docker.local", "a\u001b[2Jb.docker.local",
            "a\u202eb.docker.local", "a\u200bb.docker.local", "a\u0085b.docker.local", "a\nb.docker.local"})
    void aRejectedLabelIsLoggedWithItsControlAndFormatCharactersEscaped(String value) {
        List<String> lines = new ArrayList<>();
        HostsSyncNames names = new HostsSyncNames(AllowedNames.under(List.of("docker.local")),
                (level, message) -> lines.add(message));

        names.of(List.of(new RunningContainer("id1", "shop", Map.of("orodc.dns.hostname", value))));

        assertThat(lines).singleElement().satisfies(line -> {
            assertThat(line).startsWith("container shop: label orodc.dns.hostname value 'a\\");
            assertThat(line.codePoints()).noneMatch(c -> Character.getType(c) == Character.CONTROL
                    || Character.getType(c) == Character.FORMAT || Character.getType(c) == Character.LINE_SEPARATOR
                    || Character.getType(c) == Character.PARAGRAPH_SEPARATOR);
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"1", "t", "T", "TRUE", "true", "True"})
    void everyTrueFormTraefikAcceptsEnablesTheRouterRules(String enable) {
        HostsSyncNames names = new HostsSyncNames(AllowedNames.under(List.of("docker.local")), (level, message) -> { });

        var found = names.of(List.of(new RunningContainer("id1", "shop", Map.of("traefik.enable", enable,
                "traefik.http.routers.shop.rule", "Host(`shop.docker.local`)"))));

        assertThat(found).containsOnlyKeys("shop.docker.local");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "f", "F", "FALSE", "false", "False", "yes", "on", ""})
    void everyOtherValueLeavesTheRouterRulesAlone(String enable) {
        HostsSyncNames names = new HostsSyncNames(AllowedNames.under(List.of("docker.local")), (level, message) -> { });

        var found = names.of(List.of(new RunningContainer("id1", "shop", Map.of("traefik.enable", enable,
                "traefik.http.routers.shop.rule", "Host(`shop.docker.local`)"))));

        assertThat(found).isEmpty();
    }
}
