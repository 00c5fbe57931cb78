package dev.conversa.examples.quickstart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.conversa.lang.Secret;
import dev.conversa.testkit.WebhookSigner;
import dev.conversa.testkit.whatsapp.WhatsAppCustomer;
import dev.conversa.testkit.whatsapp.WhatsAppMessage;
import dev.conversa.testkit.whatsapp.WhatsAppWebhook;
import dev.conversa.webhook.WebhookRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import tools.jackson.databind.JsonNode;

/**
 * A WhatsApp customer of the real-mode account of {@link TestSettings#real}: writes one message
 * as Meta posts it (signed with {@link TestSettings#APP_SECRET}) and waits, bounded, until the
 * rules bot's answer to {@value #QUESTION} is sent.
 */
final class RealModeCustomer {

    static final String QUESTION = "what are your opening hours?";
    static final String ANSWER = "We are open Monday to Friday, 9:00 to 18:00.";

    private RealModeCustomer() {}

    /**
     * Writes {@value #QUESTION} and waits until the answer is sent and nothing is pending.
     *
     * @param client the client of the running quick start
     * @param apiToken its {@code CONVERSA_API_TOKEN}, to read the conversation
     * @param phone the customer's {@code wa_id}
     * @param messageId the message's wamid
     */
    static void asksAndIsAnswered(LoopbackClient client, String apiToken, String phone, String messageId)
            throws Exception {
        WebhookRequest webhook = WhatsAppWebhook.builder().business(TestSettings.WHATSAPP_ACCOUNT, "15550000000")
                .at(Instant.now())
                .message(WhatsAppCustomer.withPhone(phone, "Ana"), WhatsAppMessage.text(messageId, QUESTION))
                .signed(Secret.of(TestSettings.APP_SECRET));
        HttpResponse<String> posted = client.post("/webhook", new String(webhook.body()),
                WebhookSigner.HEADER, webhook.header(WebhookSigner.HEADER).orElseThrow());
        assertThat(posted.statusCode()).isEqualTo(200);
        String messages = "/api/messages?channel=whatsapp&account=" + TestSettings.WHATSAPP_ACCOUNT + "&contact=" + phone;
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            JsonNode thread = HttpJson.MAPPER.readTree(client.get(messages, "Authorization", "Bearer " + apiToken).body());
            assertThat(thread.findValuesAsString("text")).contains(QUESTION, ANSWER);
            assertThat(thread.findValuesAsString("status")).doesNotContain("PENDING");
        });
    }
}
