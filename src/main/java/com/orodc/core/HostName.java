package com.orodc.core;

import java.util.Locale;
import java.util.regex.Pattern;

/** RFC 1123 host names: what may go into a certificate, a hosts file or a Traefik rule. */
public final class HostName {
    private static final Pattern LABEL = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");
    private static final Pattern ALL_DIGITS = Pattern.compile("[0-9.]+");

    private HostName() {
    }

    public static boolean isValid(String name) {
        if (name == null || name.isEmpty() || name.length() > 253) {
            return false;
        }
        String lower = name.toLowerCase(Locale.ROOT);
        if (ALL_DIGITS.matcher(lower).matches()) {
            return false; // an IPv4 address is not a host name
        }
        for (String label : lower.split("\\.", -1)) {
            if (!LABEL.matcher(label).matches()) {
                return false;
            }
        }
        return true;
    }

    /** A name of at least two labels: a domain we may issue certificates under (not a bare TLD). */
    public static boolean isDomain(String name) {
        return isValid(name) && name.contains(".");
    }

    /** True when {@code name} equals {@code suffix} or lies under it. */
    public static boolean isUnder(String name, String suffix) {
        String n = name.toLowerCase(Locale.ROOT);
        String s = suffix.toLowerCase(Locale.ROOT);
        return n.equals(s) || n.endsWith("." + s);
    }
}
