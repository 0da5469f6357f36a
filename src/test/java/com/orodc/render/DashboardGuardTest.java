package com.orodc.render;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dashboard is reachable only by its host names: every router orodc renders is checked, and
 * the check itself is shown to catch the old proxy's {@code PathPrefix(`/api`)} router.
 */
class DashboardGuardTest {
    @Test
    void everyRenderedRouterIsTiedToTheProxyHostNames() {
        for (String domain : new String[] {"docker.local", "dev.example.test"}) {
            String yaml = RenderedTraefik.file(Map.of("CERT_DOMAIN", domain), TraefikConfigRenderer.DYNAMIC_FILE);
            var root = TraefikSchemas.tree(yaml);
            assertThat(root.path("http").path("routers").size()).isGreaterThanOrEqualTo(2);
            assertThat(DashboardGuard.violationsInDynamicConfig(root)).isEmpty();
        }
    }

    @Test
    void catchesTheOldApiRouterInADynamicConfig() {
        var root = TraefikSchemas.tree("""
                http:
                  routers:
                    api:
                      rule: "PathPrefix(`/api`) || PathPrefix(`/dashboard`)"
                      service: api@internal
                    fine:
                      rule: "Host(`proxy.docker.local`) && PathPrefix(`/api`)"
                      service: api@internal
                """);
        assertThat(DashboardGuard.violationsInDynamicConfig(root))
                .singleElement().asString().startsWith("router api: rule PathPrefix(`/api`)");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "PathPrefix(`/api`)",
            "Path(`/dashboard/`)",
            "Host(`proxy.docker.local`) || PathPrefix(`/api`)",
            "!Host(`app.docker.local`) && PathPrefix(`/api`)",
            "HostRegexp(`.+`) && PathPrefix(`/api`)",
            "(Host(`a.docker.local`) || Method(`GET`)) && PathPrefix(`/api`)"})
    void pathRulesOnEveryHostAreCaught(String rule) {
        assertThat(DashboardGuard.check("r", rule, "app")).contains("matches a path on every host");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "Host(`proxy.docker.local`) && PathPrefix(`/api`)",
            "(Host(`a.docker.local`) || Host(`b.docker.local`)) && PathPrefix(`/api`)",
            "PathPrefix(`/api`) && HostRegexp(`^[a-z]+\\.docker\\.local$`)",
            "Host(`proxy.docker.local`) || Host(`traefik.docker.local`)"})
    void hostBoundRulesPass(String rule) {
        assertThat(DashboardGuard.check("r", rule, "api@internal")).isNull();
    }

    @Test
    void dashboardServiceWithoutHostIsCaughtEvenWithoutAPath() {
        assertThat(DashboardGuard.check("r", "Method(`GET`)", "api@internal")).contains("serves the dashboard on every host");
    }

    @Test
    void containerLabelsAreCheckedToo() {
        assertThat(DashboardGuard.violationsInLabels(Map.of(
                "traefik.enable", "true",
                "traefik.http.routers.app.rule", "Host(`app.docker.local`)",
                "traefik.http.routers.dash.rule", "PathPrefix(`/api`)",
                "traefik.http.routers.dash.service", "api@internal")))
                .singleElement().asString().startsWith("router dash:");
    }
}
