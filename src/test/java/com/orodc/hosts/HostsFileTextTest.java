package com.orodc.hosts;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HostsFileTextTest {
    private static final HostsBlock AB = HostsBlock.of(List.of("b.docker.local", "a.docker.local"), HostsBlock.IPV4_AND_IPV6);

    @Test
    void blockIsAppendedWithNamesSortedOnBothLoopbacks() {
        String result = HostsFileText.parse("127.0.0.1 localhost\n", "hosts").withBlock(AB);
        assertThat(result).isEqualTo("127.0.0.1 localhost\n"
                + "# OroDC Auto DNS - START\n"
                + "127.0.0.1 a.docker.local\n::1 a.docker.local\n"
                + "127.0.0.1 b.docker.local\n::1 b.docker.local\n"
                + "# OroDC Auto DNS - END\n");
    }

    @Test
    void fileWithoutFinalNewlineGetsOneBeforeTheBlock() {
        String result = HostsFileText.parse("127.0.0.1 localhost", "hosts").withBlock(AB);
        assertThat(result).startsWith("127.0.0.1 localhost\n# OroDC Auto DNS - START\n");
    }

    @Test
    void linesOutsideTheBlockAreKeptByteForByteWithTheirLineEndings() {
        String before = "127.0.0.1\tlocalhost  # tab, two spaces\r\n\r\n# \u00e9t\u00e9 latin-1 byte\r\n";
        String after = "10.0.0.1 intranet\r\n   \r\nno final newline";
        String original = before + HostsBlock.START + "\r\n127.0.0.1 old.docker.local\r\n" + HostsBlock.END + "\r\n" + after;
        String result = HostsFileText.parse(original, "hosts").withBlock(AB);
        assertThat(result).startsWith(before).endsWith(after);
        assertThat(result).contains(HostsBlock.START + "\r\n127.0.0.1 a.docker.local\r\n::1 a.docker.local\r\n")
                .doesNotContain("old.docker.local");
        // a CRLF file stays CRLF: no bare LF appears
        assertThat(result.replace("\r\n", "")).doesNotContain("\n");
    }

    @Test
    void removingTheBlockRestoresTheFileItWasAddedTo() {
        String original = "127.0.0.1 localhost\n::1 localhost\n";
        String with = HostsFileText.parse(original, "hosts").withBlock(AB);
        assertThat(HostsFileText.parse(with, "hosts").withoutBlock()).isEqualTo(original);
    }

    @Test
    void blockNamesAreReadBack() {
        String with = HostsFileText.parse("", "hosts").withBlock(AB);
        assertThat(HostsFileText.parse(with, "hosts").blockNames()).containsExactly("a.docker.local", "b.docker.local");
    }

    @Test
    void anEmptySetAddsNothingToAFileWithoutABlockButEmptiesAnExistingOne() {
        HostsBlock empty = HostsBlock.of(List.of(), HostsBlock.IPV4_ONLY);
        assertThat(HostsFileText.parse("x\n", "hosts").withBlock(empty)).isEqualTo("x\n");
        String with = HostsFileText.parse("x\n", "hosts").withBlock(AB);
        assertThat(HostsFileText.parse(with, "hosts").withBlock(empty)).isEqualTo("x\n" + HostsBlock.START + "\n" + HostsBlock.END + "\n");
    }

    @Test
    void malformedBlocksAreNotGuessedAt() {
        String start = HostsBlock.START + "\n";
        String end = HostsBlock.END + "\n";
        assertThatThrownBy(() -> HostsFileText.parse("a\n" + start + "127.0.0.1 x.docker.local\n", "/etc/hosts"))
                .isInstanceOf(MalformedHostsBlockException.class).hasMessageContaining("START marker without an END");
        assertThatThrownBy(() -> HostsFileText.parse("a\n" + end, "/etc/hosts"))
                .hasMessageContaining("END marker without a START");
        assertThatThrownBy(() -> HostsFileText.parse(start + end + start + end, "/etc/hosts"))
                .hasMessageContaining("2 START and 2 END");
        assertThatThrownBy(() -> HostsFileText.parse(end + start, "/etc/hosts"))
                .hasMessageContaining("END marker before the START");
    }

    @Test
    void theWindowsFileGetsCrlfAndNineNamesALineAndKeepsEveryOtherByte() {
        String windows = "# Copyright (c) 1993-2009 Microsoft Corp.\r\n#\r\n10.0.0.5 intranet.example   # mine\r\n\tno final newline";
        List<String> names = new java.util.ArrayList<>();
        for (int i = 10; i < 30; i++) {
            names.add("s" + i + ".docker.local");
        }
        HostsFileOptions options = HostsFileOptions.windows(null, null);
        String result = HostsFileText.parse(windows, "hosts").withBlock(HostsBlock.of(names, HostsBlock.IPV4_ONLY), options);

        assertThat(result).startsWith(windows + "\r\n" + HostsBlock.START + "\r\n")
                .endsWith(HostsBlock.END + "\r\n");
        assertThat(result.replace("\r\n", "")).as("no bare LF").doesNotContain("\n");
        List<String> lines = HostsFileText.parse(result, "hosts").text().lines().toList();
        List<String> inner = lines.subList(lines.indexOf(HostsBlock.START) + 1, lines.indexOf(HostsBlock.END));
        assertThat(inner).containsExactly(
                "127.0.0.1 s10.docker.local s11.docker.local s12.docker.local s13.docker.local s14.docker.local s15.docker.local s16.docker.local s17.docker.local s18.docker.local",
                "127.0.0.1 s19.docker.local s20.docker.local s21.docker.local s22.docker.local s23.docker.local s24.docker.local s25.docker.local s26.docker.local s27.docker.local",
                "127.0.0.1 s28.docker.local s29.docker.local");
        assertThat(HostsFileText.parse(result, "hosts").blockNames()).containsExactlyElementsOf(new java.util.TreeSet<>(names));
        assertThat(HostsFileText.parse(result, "hosts").withoutBlock()).isEqualTo(windows + "\r\n");
    }

    @Test
    void aNewFileForWindowsIsCrlfFromTheStart() {
        String result = HostsFileText.parse("", "hosts").withBlock(AB, HostsFileOptions.windows(null, null));
        assertThat(result).isEqualTo(HostsBlock.START + "\r\n127.0.0.1 a.docker.local b.docker.local\r\n"
                + "::1 a.docker.local b.docker.local\r\n" + HostsBlock.END + "\r\n");
    }
}
