package dev.conversa.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MetaEscapingTest {

    @Test
    void escapesNonAsciiAsLowercaseUnicodeEscapes() {
        assertThat(MetaEscaping.escape("{\"t\":\"äöå\"}")).isEqualTo("{\"t\":\"\\u00e4\\u00f6\\u00e5\"}");
    }

    @Test
    void escapesEmojiAsSurrogatePair() {
        assertThat(MetaEscaping.escape("\"\uD83D\uDE00\"")).isEqualTo("\"\\ud83d\\ude00\"");
    }

    @Test
    void escapesSlashes() {
        assertThat(MetaEscaping.escape("{\"u\":\"https://x\"}")).isEqualTo("{\"u\":\"https:\\/\\/x\"}");
    }

    @Test
    void keepsExistingEscapes() {
        String already = "{\"u\":\"a\\/b \\\\ \\\" \\u00e4\"}";

        assertThat(MetaEscaping.escape(already)).isEqualTo(already);
    }

    @Test
    void escapesSlashAfterAnEscapedBackslash() {
        assertThat(MetaEscaping.escape("\"\\\\/\"")).isEqualTo("\"\\\\\\/\"");
    }
}
