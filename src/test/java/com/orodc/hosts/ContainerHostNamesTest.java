package com.orodc.hosts;

import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ContainerHostNamesTest {
    private static final AllowedNames DOCKER_LOCAL = AllowedNames.under(List.of("docker.local"));

    @Test
    void hostnameLabelIsSplitOnCommasAndSpacesLowerCasedAndDeduplicated() {
        var result = ContainerHostNames.of(Map.of("orodc.dns.hostname", "A.docker.local, b.docker.local  a.docker.local,c.docker.local"), DOCKER_LOCAL);
        assertThat(result.names()).containsExactly("a.docker.local", "b.docker.local", "c.docker.local");
        assertThat(result.rejections()).isEmpty();
    }

    @Test
    void traefikHostRulesCountOnlyWhenTraefikIsEnabled() {
        Map<String, String> labels = new HashMap<>();
        labels.put("traefik.http.routers.web.rule", "Host(`shop.docker.local`) || (Host(`admin.docker.local`, `API.docker.local`) && PathPrefix(`/x`))");
        labels.put("traefik.http.routers.re.rule", "HostRegexp(`{sub:[a-z]+}.docker.local`) || HostSNI(`sni.docker.local`)");
        labels.put("traefik.http.services.web.loadbalancer.server.port", "80");
        assertThat(ContainerHostNames.of(labels, DOCKER_LOCAL).names()).isEmpty();
        labels.put("traefik.enable", "true");
        assertThat(ContainerHostNames.of(labels, DOCKER_LOCAL).names())
                .containsExactlyInAnyOrder("shop.docker.local", "admin.docker.local", "api.docker.local");
    }

    @Test
    void everyInjectionAttemptIsRejectedWithTheLabelAndAReason() {
        Map<String, String> labels = Map.of(
                "orodc.dns.hostname", "ok.docker.local 1.2.3.4 ::1 fe80::1 localhost evil.com docker.local bad#.docker.local under_score.docker.local",
                "traefik.enable", "true",
                "traefik.http.routers.x.rule", "Host(`tab\tname.docker.local`, `new\nline.docker.local`, `sp ace.docker.local`)");
        var result = ContainerHostNames.of(labels, DOCKER_LOCAL);
        assertThat(result.names()).containsExactly("ok.docker.local");
        assertThat(result.rejections()).extracting(ContainerHostNames.Rejection::value).containsExactlyInAnyOrder(
                "1.2.3.4", "::1", "fe80::1", "localhost", "evil.com", "docker.local", "bad#.docker.local",
                "under_score.docker.local", "tab\tname.docker.local", "new\nline.docker.local", "sp ace.docker.local");
        assertThat(result.rejections()).filteredOn(r -> r.value().equals("new\nline.docker.local"))
                .extracting(ContainerHostNames.Rejection::label, ContainerHostNames.Rejection::reason)
                .containsExactly(Tuple.tuple("traefik.http.routers.x.rule", "a line break"));
    }

    @Test
    void aLabelWithALineBreakIsRejectedWhole() {
        var result = ContainerHostNames.of(Map.of("orodc.dns.hostname", "a.docker.local\n127.0.0.1 bank.example.com"), DOCKER_LOCAL);
        assertThat(result.names()).isEmpty();
        assertThat(result.rejections()).singleElement().satisfies(r -> assertThat(r.reason()).contains("line break"));
    }

    @Test
    void namesLongerThanRfc1123AllowsAreRejected() {
        String label63 = "a".repeat(63);
        String tooLong = String.join(".", label63, label63, label63, label63) + ".docker.local";
        var result = ContainerHostNames.of(Map.of("orodc.dns.hostname", tooLong + " " + "b".repeat(64) + ".docker.local"), DOCKER_LOCAL);
        assertThat(result.names()).isEmpty();
        assertThat(result.rejections()).hasSize(2).allSatisfy(r -> assertThat(r.reason()).contains("RFC 1123"));
    }

    @Test
    void anAbsurdNumberOfNamesFromOneContainerIsRejectedAltogether() {
        StringBuilder many = new StringBuilder();
        for (int i = 0; i < 101; i++) {
            many.append("n").append(i).append(".docker.local,");
        }
        var result = ContainerHostNames.of(Map.of("orodc.dns.hostname", many.toString()), DOCKER_LOCAL);
        assertThat(result.names()).isEmpty();
        assertThat(result.rejections()).singleElement().satisfies(r -> assertThat(r.reason()).contains("more than 100"));
    }

    @Test
    void severalSuffixesCanBeAllowed() {
        var allowed = AllowedNames.under(List.of("docker.local", "Test.Example"));
        var result = ContainerHostNames.of(Map.of("orodc.dns.hostname", "a.docker.local b.test.example c.example"), allowed);
        assertThat(result.names()).containsExactly("a.docker.local", "b.test.example");
    }
}
