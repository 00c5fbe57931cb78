package dev.conversa.whatsapp;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class WhatsAppChannelBuilderTest {

    @Test
    void buildNamesAMessageRateThatIsNotPositive() {
        assertThatThrownBy(() -> WhatsAppChannel.builder().messagesPerSecond(0).build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("messagesPerSecond must be positive");
    }

    @Test
    void buildNamesAPairLimitOutOfRange() {
        assertThatThrownBy(() -> WhatsAppChannel.builder().pairLimit(0, Duration.ofSeconds(6)).build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("pairLimit");
    }
}
