package com.orodc.core.json;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JsonTest {
    @Test
    void valuesBecomeMapsListsStringsNumbersBooleansAndNull() {
        Object v = Json.parse(" {\"a\": [1, -2.5, true, false, null], \"b\": {\"c\": \"d\"}, \"e\": 1e3}\n");
        assertThat(v).isEqualTo(map("a", Arrays.asList(1L, -2.5, true, false, null), "b", Map.of("c", "d"), "e", 1000.0));
    }

    @Test
    void keysKeepTheirOrder() {
        assertThat(Json.parseObject("{\"z\":1,\"a\":2,\"m\":3}").keySet()).containsExactly("z", "a", "m");
    }

    @Test
    void numbersPastALongStayExact() {
        assertThat(Json.parse("9223372036854775807")).isEqualTo(Long.MAX_VALUE);
        assertThat(Json.parse("-9223372036854775808")).isEqualTo(Long.MIN_VALUE);
        assertThat(Json.parse("9223372036854775808")).isEqualTo(new BigInteger("9223372036854775808"));
        assertThat(Json.parse("123456789012345678901234567890")).isEqualTo(new BigInteger("123456789012345678901234567890"));
        assertThat(Json.parse("1e400")).isEqualTo(new BigDecimal("1e400"));
        assertThat(Json.write(Json.parse("[123456789012345678901234567890]"))).isEqualTo("[123456789012345678901234567890]");
    }

    @Test
    void escapesAndSurrogatePairsAreDecoded() {
        assertThat(Json.parse("\"a\\\"b\\\\c\\/d\\b\\f\\n\\r\\t\\u00e9\\uD83D\\uDE00\"")).isEqualTo("a\"b\\c/d\b\f\n\r\té\uD83D\uDE00");
        assertThat(Json.parse("\"\uD83D\uDE00 raw\"")).isEqualTo("\uD83D\uDE00 raw");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "''|no JSON value",
        "{\"a\":1,}|line 1, column 8: expected a quoted key, found '}'",
        "[1,]|unexpected ']' where a value was expected",
        "{\"a\":1}x|unexpected 'x' after the JSON value",
        "{\"a\":1,\"a\":2}|duplicate key \"a\"",
        "01|must not start with 0",
        "1.|digit after the decimal point",
        "-|digit after '-'",
        "\"abc|ends inside a string",
        "\"\\uD83D\"|must be followed by a low surrogate",
        "\"\\uDE00\"|without the high one",
        "\"\\u12G4\"|four hex digits",
        "\"\\x\"|unknown escape \\x",
        "tru|unexpected 't'",
        "// c|unexpected '/'",
        "{\"a\" 1}|expected ':' after the key \"a\"",
        "[1 2]|expected ',' or ']' in an array, found '2'",
        "{\"a\":1|ends inside an object",
    })
    void badTextIsRefusedWithWhereAndWhat(String text, String message) {
        assertThatThrownBy(() -> Json.parse(text)).isInstanceOf(JsonException.class)
                .hasMessageStartingWith("invalid JSON at line ").hasMessageContaining(message);
    }

    @Test
    void aRawControlCharacterInAStringIsRefusedAndTheLineIsCounted() {
        assertThatThrownBy(() -> Json.parse("{\n\"a\": \"x\ty\"}")).hasMessageContaining("line 2, column 8").hasMessageContaining("U+0009");
    }

    @Test
    void deepNestingIsRefusedInsteadOfOverflowingTheStack() {
        assertThatThrownBy(() -> Json.parse("[".repeat(100_000))).hasMessageContaining("nested deeper than 512");
    }

    @Test
    void writingAndReadingAgainGivesTheSameValue() {
        Map<String, Object> value = map("s", "q\"\\\n\u0001é\uD83D\uDE00", "n", Arrays.asList(1L, 2.5, null, true), "o", map(), "l", List.of());
        String compact = Json.write(value);
        assertThat(compact).isEqualTo("{\"s\":\"q\\\"\\\\\\n\\u0001é\uD83D\uDE00\",\"n\":[1,2.5,null,true],\"o\":{},\"l\":[]}");
        assertThat(Json.parse(compact)).isEqualTo(value);
        assertThat(Json.parse(Json.writePretty(value))).isEqualTo(value);
    }

    /** Files written before this writer came from Jackson's default pretty printer; a rewrite must change no byte. */
    @Test
    void thePrettyLayoutIsByteForByteTheOneOfEarlierFiles() throws Exception {
        Map<String, Object> value = map("pid", 42L, "lastSync", "2026-01-01T00:00:00Z", "hostsFile", "/etc/hosts",
                "names", map("a.docker.local", "web", "tab\there", "x\u001f"), "empty", map(), "errors", List.of("one", "two \"quoted\""),
                "none", List.of(), "nested", map("deeper", map("x", true)), "nothing", null);
        String jackson = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(value);
        assertThat(Json.writePretty(value)).isEqualTo(jackson);
    }

    @Test
    void membersAreReadWithTheirTypeChecked() {
        Map<String, Object> o = Json.parseObject("{\"s\":\"x\",\"n\":3,\"b\":true,\"l\":[\"a\",1],\"m\":{\"k\":\"v\",\"i\":2}}");
        assertThat(Json.string(o, "s", "")).isEqualTo("x");
        assertThat(Json.string(o, "missing", "fallback")).isEqualTo("fallback");
        assertThat(Json.number(o, "n", 0)).isEqualTo(3);
        assertThat(Json.bool(o, "b")).isTrue();
        assertThat(Json.stringList(o, "l")).containsExactly("a");
        assertThat(Json.strings(o, "m")).containsExactly(Map.entry("k", "v"));
        assertThatThrownBy(() -> Json.string(o, "n", "")).hasMessage("\"n\" is a whole number, expected a string");
        assertThatThrownBy(() -> Json.object(o, "s")).hasMessage("\"s\" is a string, expected an object");
    }

    private static Map<String, Object> map(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }
}
