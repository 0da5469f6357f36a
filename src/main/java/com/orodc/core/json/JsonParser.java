package com.orodc.core.json;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A recursive descent over one document; the nesting is bounded so that hostile input cannot overflow the stack. */
final class JsonParser {
    private static final int MAX_DEPTH = 512;

    private final String text;
    private int pos;
    private int depth;

    JsonParser(String text) {
        this.text = text;
    }

    Object document() {
        skipSpace();
        if (pos >= text.length()) {
            throw error("no JSON value (empty text)");
        }
        Object value = value();
        skipSpace();
        if (pos < text.length()) {
            throw error("unexpected " + shown(text.charAt(pos)) + " after the JSON value");
        }
        return value;
    }

    private Object value() {
        if (pos >= text.length()) {
            throw error("the text ends where a value was expected");
        }
        char c = text.charAt(pos);
        return switch (c) {
            case '{' -> object();
            case '[' -> array();
            case '"' -> string();
            case 't' -> literal("true", Boolean.TRUE);
            case 'f' -> literal("false", Boolean.FALSE);
            case 'n' -> literal("null", null);
            default -> {
                if (c == '-' || (c >= '0' && c <= '9')) {
                    yield number();
                }
                throw error("unexpected " + shown(c) + " where a value was expected");
            }
        };
    }

    private Map<String, Object> object() {
        enter();
        pos++;
        Map<String, Object> map = new LinkedHashMap<>();
        skipSpace();
        if (peek() == '}') {
            pos++;
            depth--;
            return map;
        }
        while (true) {
            skipSpace();
            if (peek() != '"') {
                throw error(pos >= text.length() ? "the text ends inside an object" : "expected a quoted key, found " + shown(text.charAt(pos)));
            }
            int keyAt = pos;
            String key = string();
            skipSpace();
            expect(':', "after the key \"" + key + "\"");
            skipSpace();
            if (map.containsKey(key)) {
                pos = keyAt;
                throw error("duplicate key \"" + key + "\"");
            }
            map.put(key, value());
            skipSpace();
            char c = peek();
            pos++;
            if (c == '}') {
                depth--;
                return map;
            }
            if (c != ',') {
                pos--;
                throw error(pos >= text.length() ? "the text ends inside an object" : "expected ',' or '}' in an object, found " + shown(c));
            }
        }
    }

    private List<Object> array() {
        enter();
        pos++;
        List<Object> list = new ArrayList<>();
        skipSpace();
        if (peek() == ']') {
            pos++;
            depth--;
            return list;
        }
        while (true) {
            skipSpace();
            list.add(value());
            skipSpace();
            char c = peek();
            pos++;
            if (c == ']') {
                depth--;
                return list;
            }
            if (c != ',') {
                pos--;
                throw error(pos >= text.length() ? "the text ends inside an array" : "expected ',' or ']' in an array, found " + shown(c));
            }
        }
    }

    private String string() {
        pos++; // the opening quote
        StringBuilder sb = new StringBuilder();
        while (true) {
            if (pos >= text.length()) {
                throw error("the text ends inside a string");
            }
            char c = text.charAt(pos++);
            if (c == '"') {
                return sb.toString();
            }
            if (c < 0x20) {
                pos--;
                throw error("a control character (" + shown(c) + ") inside a string must be escaped");
            }
            if (c != '\\') {
                sb.append(c);
                continue;
            }
            if (pos >= text.length()) {
                throw error("the text ends inside a string");
            }
            char e = text.charAt(pos++);
            switch (e) {
                case '"' -> sb.append('"');
                case '\\' -> sb.append('\\');
                case '/' -> sb.append('/');
                case 'b' -> sb.append('\b');
                case 'f' -> sb.append('\f');
                case 'n' -> sb.append('\n');
                case 'r' -> sb.append('\r');
                case 't' -> sb.append('\t');
                case 'u' -> sb.append(unicodeEscape());
                default -> {
                    pos -= 2;
                    throw error("unknown escape \\" + e + " in a string");
                }
            }
        }
    }

    /** \\uXXXX, and a high surrogate only together with the low one that follows it. */
    private char[] unicodeEscape() {
        char first = hex4();
        if (Character.isHighSurrogate(first)) {
            if (text.startsWith("\\u", pos)) {
                pos += 2;
                char second = hex4();
                if (Character.isLowSurrogate(second)) {
                    return new char[] {first, second};
                }
            }
            pos -= 6;
            throw error("a high surrogate \\u" + Integer.toHexString(first).toUpperCase() + " must be followed by a low surrogate escape");
        }
        if (Character.isLowSurrogate(first)) {
            pos -= 6;
            throw error("a low surrogate \\u" + Integer.toHexString(first).toUpperCase() + " without the high one before it");
        }
        return new char[] {first};
    }

    private char hex4() {
        if (pos + 4 > text.length()) {
            throw error("the text ends inside a \\u escape");
        }
        int v = 0;
        for (int i = 0; i < 4; i++) {
            int d = Character.digit(text.charAt(pos + i), 16);
            if (d < 0) {
                pos -= 2;
                throw error("\\u must be followed by four hex digits");
            }
            v = v * 16 + d;
        }
        pos += 4;
        return (char) v;
    }

    private Object number() {
        int start = pos;
        if (peek() == '-') {
            pos++;
        }
        if (peek() == '0') {
            pos++;
            if (isDigit(peek())) {
                throw error("a number must not start with 0");
            }
        } else if (isDigit(peek())) {
            digits();
        } else {
            throw error("expected a digit after '-'");
        }
        boolean integral = true;
        if (peek() == '.') {
            integral = false;
            pos++;
            if (!isDigit(peek())) {
                throw error("expected a digit after the decimal point");
            }
            digits();
        }
        if (peek() == 'e' || peek() == 'E') {
            integral = false;
            pos++;
            if (peek() == '+' || peek() == '-') {
                pos++;
            }
            if (!isDigit(peek())) {
                throw error("expected a digit in the exponent");
            }
            digits();
        }
        String literal = text.substring(start, pos);
        if (integral) {
            BigInteger big = new BigInteger(literal);
            return big.bitLength() < 64 ? (Object) big.longValue() : big;
        }
        double d = Double.parseDouble(literal);
        return Double.isInfinite(d) ? new BigDecimal(literal) : (Object) d;
    }

    private void digits() {
        while (isDigit(peek())) {
            pos++;
        }
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private Object literal(String word, Object value) {
        if (!text.startsWith(word, pos)) {
            throw error("unexpected " + shown(text.charAt(pos)) + " where a value was expected");
        }
        pos += word.length();
        return value;
    }

    private void enter() {
        if (++depth > MAX_DEPTH) {
            throw error("nested deeper than " + MAX_DEPTH + " levels");
        }
    }

    private void expect(char c, String where) {
        if (peek() != c) {
            throw error(pos >= text.length() ? "the text ends where '" + c + "' was expected " + where
                    : "expected '" + c + "' " + where + ", found " + shown(text.charAt(pos)));
        }
        pos++;
    }

    private char peek() {
        return pos < text.length() ? text.charAt(pos) : '\0';
    }

    private void skipSpace() {
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
                return;
            }
            pos++;
        }
    }

    private static String shown(char c) {
        return c < 0x20 || c > 0x7e ? String.format("U+%04X", (int) c) : "'" + c + "'";
    }

    private JsonException error(String what) {
        int line = 1;
        int column = 1;
        for (int i = 0; i < Math.min(pos, text.length()); i++) {
            if (text.charAt(i) == '\n') {
                line++;
                column = 1;
            } else {
                column++;
            }
        }
        return new JsonException("invalid JSON at line " + line + ", column " + column + ": " + what);
    }
}
