package com.orodc.core;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class UntrustedTextTest {
    @Test
    void controlFormatAndSeparatorCharactersAreEscaped() {
        assertThat(UntrustedText.of("a\nb\rc\td\u001b[31me\u0085f\u2028g\u2029h\u202ei\u200bj\ufeffk"))
                .isEqualTo("a\\nb\\rc\\td\\u001b[31me\\u0085f\\u2028g\\u2029h\\u202ei\\u200bj\\ufeffk");
    }

    @Test
    void printableTextOutsideAsciiIsKept() {
        assertThat(UntrustedText.of("café-日本-\uD83D\uDE00")).isEqualTo("café-日本-\uD83D\uDE00");
        assertThat(UntrustedText.of("half \uD83D surrogate")).isEqualTo("half \\ud83d surrogate");
    }

    @Test
    void aLongValueIsCutWithItsLength() {
        assertThat(UntrustedText.of("x".repeat(UntrustedText.SHOWN))).isEqualTo("x".repeat(UntrustedText.SHOWN));
        assertThat(UntrustedText.of("x".repeat(1000))).isEqualTo("x".repeat(UntrustedText.SHOWN) + "... (1000 characters)");
        assertThat(UntrustedText.of(null)).isEmpty();
    }
}
