package com.orodc.render;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A Traefik v3 HTTP router rule as a tree: matchers such as {@code Host(`a`)} combined with
 * {@code &&}, {@code ||}, {@code !} and parentheses. Enough of the syntax to tell whether a rule
 * is tied to host names.
 */
sealed interface RouterRule {
    Set<String> HOST_MATCHERS = Set.of("Host", "HostRegexp");
    Set<String> PATH_MATCHERS = Set.of("Path", "PathPrefix", "PathRegexp");
    Set<String> CATCH_ALL_REGEXPS = Set.of(".*", ".+", "^.*$", "^.+$", "^.*", "^.+");

    /** True when every request this rule matches must carry one of a fixed set of host names. */
    boolean isHostBound();

    boolean mentionsPath();

    record Matcher(String name, List<String> args) implements RouterRule {
        @Override
        public boolean isHostBound() {
            return HOST_MATCHERS.contains(name)
                    && !(name.equals("HostRegexp") && args.stream().anyMatch(CATCH_ALL_REGEXPS::contains));
        }

        @Override
        public boolean mentionsPath() {
            return PATH_MATCHERS.contains(name);
        }
    }

    record And(RouterRule left, RouterRule right) implements RouterRule {
        @Override
        public boolean isHostBound() {
            return left.isHostBound() || right.isHostBound();
        }

        @Override
        public boolean mentionsPath() {
            return left.mentionsPath() || right.mentionsPath();
        }
    }

    record Or(RouterRule left, RouterRule right) implements RouterRule {
        @Override
        public boolean isHostBound() {
            return left.isHostBound() && right.isHostBound();
        }

        @Override
        public boolean mentionsPath() {
            return left.mentionsPath() || right.mentionsPath();
        }
    }

    record Not(RouterRule rule) implements RouterRule {
        /** {@code !Host(`a`)} matches every other host. */
        @Override
        public boolean isHostBound() {
            return false;
        }

        @Override
        public boolean mentionsPath() {
            return rule.mentionsPath();
        }
    }

    static RouterRule parse(String rule) {
        Parser p = new Parser(rule);
        RouterRule r = p.or();
        p.skipSpaces();
        if (p.pos != rule.length()) {
            throw p.error("unexpected text");
        }
        return r;
    }

    final class Parser {
        private final String text;
        private int pos;

        Parser(String text) {
            this.text = text;
        }

        RouterRule or() {
            RouterRule left = and();
            while (take("||")) {
                left = new Or(left, and());
            }
            return left;
        }

        RouterRule and() {
            RouterRule left = unary();
            while (take("&&")) {
                left = new And(left, unary());
            }
            return left;
        }

        RouterRule unary() {
            if (take("!")) {
                return new Not(unary());
            }
            if (take("(")) {
                RouterRule inner = or();
                expect(")");
                return inner;
            }
            return matcher();
        }

        RouterRule matcher() {
            skipSpaces();
            int start = pos;
            while (pos < text.length() && Character.isLetterOrDigit(text.charAt(pos))) {
                pos++;
            }
            if (start == pos) {
                throw error("expected a matcher");
            }
            String name = text.substring(start, pos);
            expect("(");
            List<String> args = new ArrayList<>();
            if (!take(")")) {
                do {
                    args.add(quoted());
                } while (take(","));
                expect(")");
            }
            return new Matcher(name, args);
        }

        String quoted() {
            skipSpaces();
            if (pos >= text.length() || (text.charAt(pos) != '`' && text.charAt(pos) != '"')) {
                throw error("expected a quoted value");
            }
            char quote = text.charAt(pos);
            int end = text.indexOf(quote, pos + 1);
            if (end < 0) {
                throw error("unterminated value");
            }
            String value = text.substring(pos + 1, end);
            pos = end + 1;
            return value;
        }

        boolean take(String token) {
            skipSpaces();
            if (text.startsWith(token, pos)) {
                pos += token.length();
                return true;
            }
            return false;
        }

        void expect(String token) {
            if (!take(token)) {
                throw error("expected " + token);
            }
        }

        void skipSpaces() {
            while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
                pos++;
            }
        }

        IllegalArgumentException error(String what) {
            return new IllegalArgumentException(what + " at " + pos + " in rule " + text);
        }
    }
}
