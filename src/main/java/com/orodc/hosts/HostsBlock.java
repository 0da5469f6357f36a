package com.orodc.hosts;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The lines orodc manages in a hosts file: the markers and, between them, each name on the
 * loopback addresses. Names are kept sorted so the same set always renders to the same bytes.
 */
public record HostsBlock(SortedSet<String> names, List<String> addresses) {
    public static final String START = "# OroDC Auto DNS - START";
    public static final String END = "# OroDC Auto DNS - END";
    /** macOS waits seconds for a {@code .local} lookup without an IPv6 answer, hence ::1 by default. */
    public static final List<String> IPV4_AND_IPV6 = List.of("127.0.0.1", "::1");
    public static final List<String> IPV4_ONLY = List.of("127.0.0.1");

    public HostsBlock {
        names = new TreeSet<>(names);
        addresses = List.copyOf(addresses);
    }

    public static HostsBlock of(Collection<String> names, List<String> addresses) {
        return new HostsBlock(new TreeSet<>(names), addresses);
    }

    /** The block's lines without line terminators, markers included: one name on a line. */
    public List<String> lines() {
        return lines(1);
    }

    /**
     * The block's lines with up to {@code namesPerLine} names after each address (Windows reads at most 9 on a
     * line and ignores the rest).
     */
    public List<String> lines(int namesPerLine) {
        if (namesPerLine < 1) {
            throw new IllegalArgumentException("namesPerLine must be at least 1");
        }
        List<String> lines = new ArrayList<>();
        lines.add(START);
        List<String> all = new ArrayList<>(names);
        for (int from = 0; from < all.size(); from += namesPerLine) {
            String chunk = String.join(" ", all.subList(from, Math.min(all.size(), from + namesPerLine)));
            for (String address : addresses) {
                lines.add(address + " " + chunk);
            }
        }
        lines.add(END);
        return lines;
    }

    public String render(String lineSeparator) {
        return render(lineSeparator, 1);
    }

    public String render(String lineSeparator, int namesPerLine) {
        StringBuilder sb = new StringBuilder();
        for (String line : lines(namesPerLine)) {
            sb.append(line).append(lineSeparator);
        }
        return sb.toString();
    }

    /** The names found on the lines between the markers of a file (second and later fields of each line). */
    static SortedSet<String> namesOf(List<String> innerLines) {
        SortedSet<String> names = new TreeSet<>();
        for (String line : innerLines) {
            String content = line.strip();
            int comment = content.indexOf('#');
            if (comment >= 0) {
                content = content.substring(0, comment).strip();
            }
            String[] fields = content.split("\\s+");
            for (int i = 1; i < fields.length; i++) {
                names.add(fields[i]);
            }
        }
        return names;
    }
}
