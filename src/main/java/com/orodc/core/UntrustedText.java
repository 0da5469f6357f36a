package com.orodc.core;

/**
 * A value that came from outside (a setting, a file, a container label) as it may appear inside one message
 * line: control, format and separator characters escaped, so a value cannot forge or hide log lines or move
 * the terminal's cursor, and shortened, so a huge value does not flood the terminal.
 */
public final class UntrustedText {
    /** Characters of the value shown before it is cut short. */
    public static final int SHOWN = 80;

    private UntrustedText() {
    }

    /** {@code value}, escaped and at most {@link #SHOWN} characters long plus the marker saying how long it was. */
    public static String of(String value) {
        return of(value, SHOWN);
    }

    /** The same with room for {@code shown} characters: for a whole message that embeds a value. */
    public static String of(String value, int shown) {
        if (value == null) {
            return "";
        }
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < value.length()) {
            int c = value.codePointAt(i);
            if (out.length() >= shown) {
                return out.append("... (").append(value.length()).append(" characters)").toString();
            }
            appendEscaped(out, c);
            i += Character.charCount(c);
        }
        return out.toString();
    }

    /** Whether any character of {@code value} would be escaped. */
    public static boolean hasUnsafe(String value) {
        return value.codePoints().anyMatch(c -> c == '\t' || isUnsafe(c));
    }

    private static void appendEscaped(StringBuilder out, int c) {
        switch (c) {
            case '\n' -> out.append("\\n");
            case '\r' -> out.append("\\r");
            case '\t' -> out.append("\\t");
            default -> {
                if (isUnsafe(c)) {
                    out.append(String.format("\\u%04x", c));
                } else {
                    out.appendCodePoint(c);
                }
            }
        }
    }

    /** Characters a terminal or log reader would act on or not show: C0/C1 controls, bidi and zero-width marks, separators. */
    public static boolean isUnsafe(int c) {
        int type = Character.getType(c);
        return type == Character.CONTROL || type == Character.FORMAT || type == Character.LINE_SEPARATOR
                || type == Character.PARAGRAPH_SEPARATOR || type == Character.SURROGATE
                || type == Character.PRIVATE_USE || type == Character.UNASSIGNED;
    }
}
