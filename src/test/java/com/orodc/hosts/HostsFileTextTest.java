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
}
