package dev.conversa.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ChannelTypeTest {

    @ParameterizedTest
    @ValueSource(strings = {"whatsapp", "a", "web-chat", "line_2", "0123456789012345678901234567890123456789"})
    void takesLowerCaseLettersDigitsDashesAndUnderscores(String name) {
        assertThat(new ChannelType(name).value()).isEqualTo(name);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "WhatsApp", "web chat", "slack!", "télégramme",
        "01234567890123456789012345678901234567890"})
    void refusesAnythingElseNamingTheValue(String name) {
        assertThatIllegalArgumentException().isThrownBy(() -> new ChannelType(name))
                .withMessageContaining("channel type must be 1-40 lower-case letters");
    }

    @Test
    void ofLowerCasesFirst() {
        assertThat(ChannelType.of("WhatsApp")).isEqualTo(ChannelType.WHATSAPP);
    }
}
