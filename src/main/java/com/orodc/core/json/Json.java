package com.orodc.core.json;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * JSON to and from plain Java values: objects are {@code Map<String, Object>} (keys in document order), arrays
 * {@code List<Object>}, strings, numbers ({@code Long}, {@code BigInteger} past a long, {@code Double} with a
 * fraction or exponent), {@code Boolean} and {@code null}. Strict (RFC 8259): no comments, no trailing commas, no
 * duplicate keys, nothing after the value; every error names its line and column.
 */
public final class Json {
    private Json() {
    }

    public static Object parse(String text) {
        JsonParser parser = new JsonParser(text);
        return parser.document();
    }

    /** The document, which must be an object. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> parseObject(String text) {
        Object value = parse(text);
        if (!(value instanceof Map)) {
            throw new JsonException("expected a JSON object, found " + kind(value));
        }
        return (Map<String, Object>) value;
    }

    /** One line, no spaces. */
    public static String write(Object value) {
        StringBuilder out = new StringBuilder();
        new JsonWriter(out, false).value(value);
        return out.toString();
    }

    /**
     * Indented by two spaces, {@code "key" : value}, arrays on one line as {@code [ 1, 2 ]}: the layout the files
     * of earlier versions were written in, so that a rewrite of an unchanged file changes no byte.
     */
    public static String writePretty(Object value) {
        StringBuilder out = new StringBuilder();
        new JsonWriter(out, true).value(value);
        return out.toString();
    }

    /** A member of an object as a map; empty when absent or null, an error when it is something else. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> object(Map<String, Object> parent, String key) {
        Object v = parent == null ? null : parent.get(key);
        if (v == null) {
            return Map.of();
        }
        if (v instanceof Map) {
            return (Map<String, Object>) v;
        }
        throw new JsonException("\"" + key + "\" is " + kind(v) + ", expected an object");
    }

    /** A member as a list; empty when absent or null. */
    @SuppressWarnings("unchecked")
    public static List<Object> array(Map<String, Object> parent, String key) {
        Object v = parent == null ? null : parent.get(key);
        if (v == null) {
            return List.of();
        }
        if (v instanceof List) {
            return (List<Object>) v;
        }
        throw new JsonException("\"" + key + "\" is " + kind(v) + ", expected an array");
    }

    /** A member as a string; {@code fallback} when absent or null. */
    public static String string(Map<String, Object> parent, String key, String fallback) {
        Object v = parent == null ? null : parent.get(key);
        if (v == null) {
            return fallback;
        }
        if (v instanceof String s) {
            return s;
        }
        throw new JsonException("\"" + key + "\" is " + kind(v) + ", expected a string");
    }

    /** A member as a long; {@code fallback} when absent or null. */
    public static long number(Map<String, Object> parent, String key, long fallback) {
        Object v = parent == null ? null : parent.get(key);
        if (v == null) {
            return fallback;
        }
        if (v instanceof Long || v instanceof Integer) {
            return ((Number) v).longValue();
        }
        throw new JsonException("\"" + key + "\" is " + kind(v) + ", expected a whole number");
    }

    /** A member as a boolean; false when absent or null. */
    public static boolean bool(Map<String, Object> parent, String key) {
        Object v = parent == null ? null : parent.get(key);
        if (v == null) {
            return false;
        }
        if (v instanceof Boolean b) {
            return b;
        }
        throw new JsonException("\"" + key + "\" is " + kind(v) + ", expected true or false");
    }

    /** An object of strings (labels, attributes); values that are not strings are left out. */
    public static Map<String, String> strings(Map<String, Object> parent, String key) {
        Map<String, String> result = new LinkedHashMap<>();
        object(parent, key).forEach((k, v) -> {
            if (v instanceof String s) {
                result.put(k, s);
            }
        });
        return Collections.unmodifiableMap(result);
    }

    /** An array of strings; values that are not strings are left out. */
    public static List<String> stringList(Map<String, Object> parent, String key) {
        List<String> result = new ArrayList<>();
        for (Object v : array(parent, key)) {
            if (v instanceof String s) {
                result.add(s);
            }
        }
        return List.copyOf(result);
    }

    static String kind(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof Map) {
            return "an object";
        }
        if (value instanceof List) {
            return "an array";
        }
        if (value instanceof String) {
            return "a string";
        }
        if (value instanceof Boolean) {
            return "a boolean";
        }
        if (value instanceof Long || value instanceof Integer || value instanceof BigInteger) {
            return "a whole number";
        }
        if (value instanceof Double || value instanceof BigDecimal) {
            return "a number";
        }
        return value.getClass().getSimpleName();
    }
}
