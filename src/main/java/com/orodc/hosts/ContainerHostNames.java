package com.orodc.hosts;

import com.orodc.core.UntrustedText;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The names one container asks for: its {@code orodc.dns.hostname} label (comma or space separated) and,
 * when {@code traefik.enable} is true as Traefik reads it ({@code true}, {@code 1}, {@code t}...), every {@code Host(`a`, `b`)} of its {@code traefik.http.routers.*.rule}
 * labels. Knows labels only, not Docker.
 */
public final class ContainerHostNames {
    public static final String HOSTNAME_LABEL = "orodc.dns.hostname";
    private static final Pattern ROUTER_RULE = Pattern.compile("traefik\\.http\\.routers\\.[^.]+\\.rule");
    /** {@code Host(} not preceded by a letter, so HostRegexp and HostSNI are not taken for it. */
    private static final Pattern HOST_MATCHER = Pattern.compile("(?<![A-Za-z])Host\\s*\\(([^)]*)\\)");
    private static final Pattern QUOTED = Pattern.compile("`([^`]*)`|\"([^\"]*)\"");
    private static final Set<String> TRUE_FORMS = Set.of("1", "t", "T", "TRUE", "true", "True");
    private static final Pattern SEPARATORS = Pattern.compile("[, ]+");

    /** A label value that was not used, and why; logged once per container and label. */
    public record Rejection(String label, String value, String reason) {
    }

    public record Result(Set<String> names, List<Rejection> rejections) {
    }

    private ContainerHostNames() {
    }

    public static Result of(Map<String, String> labels, AllowedNames allowed) {
        Set<String> names = new LinkedHashSet<>();
        List<Rejection> rejections = new ArrayList<>();
        Map<String, String> sorted = new TreeMap<>(labels == null ? Map.of() : labels);
        String hostnames = sorted.get(HOSTNAME_LABEL);
        if (hostnames != null) {
            List<String> candidates = new ArrayList<>();
            if (hasUnprintable(hostnames)) {
                rejections.add(new Rejection(HOSTNAME_LABEL, hostnames, "the value contains a line break, control or format character"));
            } else {
                for (String part : SEPARATORS.split(hostnames.strip())) {
                    if (!part.isEmpty()) {
                        candidates.add(part);
                    }
                }
            }
            accept(HOSTNAME_LABEL, candidates, allowed, names, rejections);
        }
        if (isEnabled(sorted.get("traefik.enable"))) {
            for (Map.Entry<String, String> label : sorted.entrySet()) {
                if (ROUTER_RULE.matcher(label.getKey()).matches()) {
                    accept(label.getKey(), hostsOfRule(label.getValue()), allowed, names, rejections);
                }
            }
        }
        if (names.size() > allowed.maxNamesPerContainer()) {
            rejections.add(new Rejection("*", names.size() + " names",
                    "more than " + allowed.maxNamesPerContainer() + " names for one container; none of them is written"));
            names.clear();
        }
        return new Result(names, rejections);
    }

    /** The arguments of every {@code Host(...)} matcher of a Traefik rule, as written. */
    static List<String> hostsOfRule(String rule) {
        List<String> hosts = new ArrayList<>();
        Matcher host = HOST_MATCHER.matcher(rule);
        while (host.find()) {
            Matcher quoted = QUOTED.matcher(host.group(1));
            while (quoted.find()) {
                hosts.add(quoted.group(1) != null ? quoted.group(1) : quoted.group(2));
            }
        }
        return hosts;
    }

    private static void accept(String label, List<String> candidates, AllowedNames allowed,
                               Set<String> names, List<Rejection> rejections) {
        if (candidates.size() > allowed.maxNamesPerContainer()) {
            rejections.add(new Rejection(label, candidates.size() + " names",
                    "more than " + allowed.maxNamesPerContainer() + " names in one label"));
            return;
        }
        for (String candidate : candidates) {
            Optional<String> why = allowed.rejectionOf(candidate);
            if (why.isPresent()) {
                rejections.add(new Rejection(label, candidate, why.get()));
            } else {
                names.add(candidate.toLowerCase(Locale.ROOT));
            }
        }
    }

    private static boolean hasUnprintable(String value) {
        return value.codePoints().anyMatch(c -> c != '\t' && UntrustedText.isUnsafe(c));
    }

    /** As Traefik reads {@code traefik.enable}: Go's strconv.ParseBool, whose true forms are these. */
    public static boolean isEnabled(String value) {
        return value != null && TRUE_FORMS.contains(value);
    }
}
