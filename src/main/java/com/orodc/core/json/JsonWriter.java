package com.orodc.core.json;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/** Writes plain Java values as JSON; anything else is a programming error and says which type it was. */
final class JsonWriter {
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private final StringBuilder out;
    private final boolean pretty;
    private int indent;

    JsonWriter(StringBuilder out, boolean pretty) {
        this.out = out;
        this.pretty = pretty;
    }

    void value(Object v) {
        if (v == null) {
            out.append("null");
        } else if (v instanceof String s) {
            string(s);
        } else if (v instanceof Boolean b) {
            out.append(b);
        } else if (v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte || v instanceof BigInteger) {
            out.append(v);
        } else if (v instanceof Double || v instanceof Float) {
            double d = ((Number) v).doubleValue();
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                throw new JsonException("JSON has no " + d + "");
            }
            out.append(v);
        } else if (v instanceof BigDecimal d) {
            out.append(d.toString());
        } else if (v instanceof Map<?, ?> m) {
            object(m);
        } else if (v instanceof List<?> l) {
            array(l);
        } else {
            throw new JsonException("cannot write a " + v.getClass().getName() + " as JSON");
        }
    }

    private void object(Map<?, ?> map) {
        if (map.isEmpty()) {
            out.append(pretty ? "{ }" : "{}");
            return;
        }
        out.append('{');
        indent++;
        Iterator<? extends Map.Entry<?, ?>> it = map.entrySet().iterator();
        while (it.hasNext()) {
            Map.Entry<?, ?> e = it.next();
            if (!(e.getKey() instanceof String key)) {
                throw new JsonException("a JSON object's keys are strings, not " + e.getKey());
            }
            newline();
            string(key);
            out.append(pretty ? " : " : ":");
            value(e.getValue());
            if (it.hasNext()) {
                out.append(',');
            }
        }
        indent--;
        newline();
        out.append('}');
    }

    private void array(List<?> list) {
        if (list.isEmpty()) {
            out.append(pretty ? "[ ]" : "[]");
            return;
        }
        out.append(pretty ? "[ " : "[");
        for (int i = 0; i < list.size(); i++) {
            if (i > 0) {
                out.append(pretty ? ", " : ",");
            }
            value(list.get(i));
        }
        out.append(pretty ? " ]" : "]");
    }

    private void newline() {
        if (pretty) {
            out.append('\n');
            out.append("  ".repeat(indent));
        }
    }

    private void string(String s) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    if (c < 0x20) {
                        out.append("\\u00").append(HEX[c >> 4]).append(HEX[c & 0xF]);
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
