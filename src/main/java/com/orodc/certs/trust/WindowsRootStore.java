package com.orodc.certs.trust;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What {@code certutil -user -store Root} prints: one block per certificate, opened by
 * {@code ================ Certificate N ================}, with a {@code Subject:} line and a
 * {@code Cert Hash(sha1):} line (hex, spaced in pairs on older Windows).
 */
final class WindowsRootStore {
    record Entry(String subject, String thumbprint) {
    }

    /** @param failure why the store could not be read, or null */
    record Listing(List<Entry> entries, String failure) {
        static Listing failed(String why) {
            return new Listing(List.of(), why);
        }

        boolean holds(String thumbprint) {
            return entries.stream().anyMatch(e -> e.thumbprint().equals(normalized(thumbprint)));
        }

        /** Entries whose subject names {@code commonName} but that are not {@code thumbprint}: an older CA of ours. */
        List<Entry> others(String commonName, String thumbprint) {
            String cn = "cn=" + commonName.toLowerCase(Locale.ROOT);
            return entries.stream().filter(e -> e.subject().toLowerCase(Locale.ROOT).contains(cn)
                    && !e.thumbprint().equals(normalized(thumbprint))).toList();
        }
    }

    private WindowsRootStore() {
    }

    static Listing parse(String output) {
        List<Entry> entries = new ArrayList<>();
        String subject = null;
        for (String raw : output.lines().toList()) {
            String line = raw.strip();
            if (line.startsWith("================ Certificate")) {
                subject = "";
            } else if (subject != null && line.startsWith("Subject:")) {
                subject = line.substring("Subject:".length()).strip();
            } else if (subject != null && line.toLowerCase(Locale.ROOT).startsWith("cert hash(sha1):")) {
                entries.add(new Entry(subject, normalized(line.substring(line.indexOf(':') + 1))));
                subject = null;
            }
        }
        return new Listing(List.copyOf(entries), null);
    }

    static String normalized(String thumbprint) {
        return thumbprint.replace(" ", "").replace(":", "").strip().toLowerCase(Locale.ROOT);
    }
}
