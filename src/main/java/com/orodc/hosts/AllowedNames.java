package com.orodc.hosts;

import com.orodc.core.HostName;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Which names may reach a hosts file. Any container can set labels and the daemon runs as root,
 * so a name is written only when it is a plain RFC 1123 host name under one of the allowed suffixes.
 */
public record AllowedNames(List<String> suffixes, int maxNamesPerContainer) {
    public static final int DEFAULT_MAX_NAMES_PER_CONTAINER = 100;
    private static final Pattern IPV6_LIKE = Pattern.compile("[0-9a-fA-F:.\\[\\]%]*:[0-9a-fA-F:.\\[\\]%]*");

    public AllowedNames {
        suffixes = suffixes.stream().map(s -> s.toLowerCase(Locale.ROOT)).toList();
    }

    public static AllowedNames under(List<String> suffixes) {
        return new AllowedNames(suffixes, DEFAULT_MAX_NAMES_PER_CONTAINER);
    }

    /** Why {@code candidate} may not be written, or empty when it may. */
    public Optional<String> rejectionOf(String candidate) {
        if (candidate.isEmpty()) {
            return Optional.of("an empty name");
        }
        for (int i = 0; i < candidate.length(); i++) {
            char c = candidate.charAt(i);
            if (c == '\n' || c == '\r') {
                return Optional.of("a line break");
            }
            if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                return Optional.of("white space");
            }
            if (Character.isISOControl(c)) {
                return Optional.of("a control character");
            }
            if (c == '#') {
                return Optional.of("a '#'");
            }
        }
        String name = candidate.toLowerCase(Locale.ROOT);
        if (name.matches("[0-9.]+") || IPV6_LIKE.matcher(name).matches()) {
            return Optional.of("an IP address, not a name");
        }
        if (name.equals("localhost") || name.endsWith(".localhost") || name.equals("localhost.localdomain")) {
            return Optional.of("localhost");
        }
        if (!HostName.isValid(name)) {
            return Optional.of("not a valid host name (RFC 1123: letters, digits, '-' and '.', at most 253 characters)");
        }
        boolean under = suffixes.stream().anyMatch(s -> HostName.isUnder(name, s) && !name.equals(s));
        if (!under) {
            return Optional.of("outside the allowed suffixes " + String.join(", ", suffixes));
        }
        return Optional.empty();
    }
}
