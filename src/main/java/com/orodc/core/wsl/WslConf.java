package com.orodc.core.wsl;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** {@code /etc/wsl.conf}: an INI file of sections and keys; what WSL itself ignores (comments, bad lines) is ignored too. */
record WslConf(Map<String, String> values) {
    static WslConf parse(String text) {
        Map<String, String> values = new HashMap<>();
        String section = "";
        for (String raw : text.lines().toList()) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#") || line.startsWith(";")) {
                continue;
            }
            if (line.startsWith("[") && line.endsWith("]")) {
                section = line.substring(1, line.length() - 1).strip().toLowerCase(Locale.ROOT);
                continue;
            }
            int eq = line.indexOf('=');
            if (eq <= 0) {
                continue;
            }
            String value = line.substring(eq + 1);
            int comment = value.indexOf('#');
            if (comment >= 0) {
                value = value.substring(0, comment);
            }
            values.put(section + "." + line.substring(0, eq).strip().toLowerCase(Locale.ROOT), value.strip());
        }
        return new WslConf(Map.copyOf(values));
    }

    Optional<String> value(String section, String key) {
        return Optional.ofNullable(values.get(section + "." + key.toLowerCase(Locale.ROOT))).filter(v -> !v.isEmpty());
    }

    static boolean isFalse(String value) {
        String v = value.strip().toLowerCase(Locale.ROOT);
        return v.equals("false") || v.equals("0") || v.equals("no") || v.equals("off");
    }
}
