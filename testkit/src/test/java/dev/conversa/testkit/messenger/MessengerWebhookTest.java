package dev.conversa.testkit.messenger;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class MessengerWebhookTest {

    private static final Instant AT = Instant.parse("2026-03-01T08:00:00Z");

    @Test
    void buildsTheMessagingEnvelopeWithMillisecondTimestamps() {
        String json = MessengerWebhook.page("1063").at(AT).text("6811", "m_1", "Hi").json();

        assertThat(json).isEqualTo("{\"object\":\"page\",\"entry\":[{\"id\":\"1063\",\"time\":1772352000000,"
                + "\"messaging\":[{\"sender\":{\"id\":\"6811\"},\"recipient\":{\"id\":\"1063\"},"
                + "\"timestamp\":1772352000000,\"message\":{\"mid\":\"m_1\",\"text\":\"Hi\"}}]}]}");
    }

    @Test
    void sendsEchoesFromThePageToTheCustomer() {
        String json = MessengerWebhook.page("1063").at(AT).echo("6811", "m_e", "Hello", "42").json();

        assertThat(json).contains("\"sender\":{\"id\":\"1063\"},\"recipient\":{\"id\":\"6811\"}")
                .contains("\"message\":{\"mid\":\"m_e\",\"is_echo\":true,\"text\":\"Hello\",\"app_id\":\"42\"}");
    }

    @Test
    void putsStandbyEventsInTheStandbyArray() {
        String json = MessengerWebhook.page("1063").at(AT).standbyText("6811", "m_s", "Hi").json();

        assertThat(json).contains("\"standby\":[{\"sender\":{\"id\":\"6811\"}").doesNotContain("\"messaging\"");
    }
}
