package com.orodc.render;

import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The check against the old proxy's worst bug: a router that matches {@code /api} or
 * {@code /dashboard} on every host takes those paths away from every project. A router fails when
 * its rule is not tied to host names and it either matches on a path or serves the dashboard.
 */
final class DashboardGuard {
    private static final Pattern RULE_LABEL = Pattern.compile("traefik\\.http\\.routers\\.([^.]+)\\.rule");
    private static final Pattern SERVICE_LABEL = Pattern.compile("traefik\\.http\\.routers\\.([^.]+)\\.service");

    private DashboardGuard() {
    }

    /** @return one line per router that breaks the rule; empty when all are tied to host names */
    static String check(String router, String rule, String service) {
        RouterRule parsed = RouterRule.parse(rule);
        if (parsed.isHostBound()) {
            return null;
        }
        if (parsed.mentionsPath()) {
            return "router " + router + ": rule " + rule + " matches a path on every host; add a Host(...) condition with &&";
        }
        if (service != null && service.startsWith("api@internal")) {
            return "router " + router + ": rule " + rule + " serves the dashboard on every host; limit it to the proxy's host names";
        }
        return null;
    }

    /** Every router under {@code http.routers} of a dynamic configuration. */
    static List<String> violationsInDynamicConfig(JsonNode root) {
        List<String> found = new ArrayList<>();
        JsonNode routers = root.path("http").path("routers");
        for (var entry : routers.properties()) {
            JsonNode router = entry.getValue();
            String v = check(entry.getKey(), router.path("rule").asString(""), router.path("service").asString(null));
            if (v != null) {
                found.add(v);
            }
        }
        return found;
    }

    /** Every {@code traefik.http.routers.NAME.rule} label of a container. */
    static List<String> violationsInLabels(Map<String, String> labels) {
        List<String> found = new ArrayList<>();
        labels.forEach((key, value) -> {
            Matcher m = RULE_LABEL.matcher(key);
            if (m.matches()) {
                String service = labels.entrySet().stream()
                        .filter(e -> SERVICE_LABEL.matcher(e.getKey()).matches()
                                && e.getKey().equals("traefik.http.routers." + m.group(1) + ".service"))
                        .map(Map.Entry::getValue).findFirst().orElse(null);
                String v = check(m.group(1), value, service);
                if (v != null) {
                    found.add(v);
                }
            }
        });
        return found;
    }
}
