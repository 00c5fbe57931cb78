package dev.conversa.whatsapp;

import static dev.conversa.e2e.ConversaRig.APP_SECRET;
import static org.assertj.core.api.Assertions.assertThat;

import dev.conversa.e2e.ConversaRig;
import dev.conversa.model.Author;
import dev.conversa.model.ChannelType;
import dev.conversa.model.ConversationKey;
import dev.conversa.model.Direction;
import dev.conversa.model.MessageRecord;
import dev.conversa.testkit.GraphStandIn;
import dev.conversa.testkit.whatsapp.WhatsAppMessage;
import dev.conversa.testkit.whatsapp.WhatsAppWebhook;
import dev.conversa.webhook.WebhookRequest;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Messages the business sends, edits and deletes in the WhatsApp Business app
 * ({@code smb_message_echoes}), through signed webhooks and the whole pipeline: the stored copy
 * is edited and then deleted, nothing new is stored, and nothing is sent to Meta.
 */
class WhatsAppBusinessAppEndToEndTest {

    private static final String NUMBER = WhatsAppWebhook.PHONE_NUMBER_ID;
    private static final String CUSTOMER = "16315551181";
    private static final ConversationKey KEY = new ConversationKey(ChannelType.WHATSAPP, NUMBER, CUSTOMER);
    private static final String SENT = "wamid.app.1";

    private final Instant start = Instant.now().minusSeconds(600);
    private final GraphStandIn graph = GraphStandIn.start();
    private final ConversaRig rig = ConversaRig.start(WhatsAppChannel.create(), NUMBER, graph.baseUrl());

    @AfterEach
    void stop() {
        rig.close();
        graph.close();
    }

    @Test
    void anEditAndADeletionInTheBusinessAppChangeTheBusinessMessage() {
        // given: the business wrote from the app
        rig.deliver(echo(WhatsAppMessage.text(SENT, "I'll check with the warehouse."), 0));
        rig.awaitIdle();
        assertThat(rig.history(KEY)).singleElement().satisfies(message -> {
            assertThat(message.direction()).isEqualTo(Direction.OUTBOUND);
            assertThat(message.author()).isEqualTo(Author.BUSINESS_ELSEWHERE);
        });

        // when: it edits the message
        rig.deliver(echo(WhatsAppMessage.edit("wamid.app.edit", SENT, "I'll check with the warehouse today."), 1));
        rig.awaitIdle();

        // then: the same message holds the new text; no new message
        assertThat(rig.history(KEY)).singleElement().satisfies(message -> {
            assertThat(message.messageId()).isEqualTo(SENT);
            assertThat(message.author()).isEqualTo(Author.BUSINESS_ELSEWHERE);
            assertThat(message.text()).isEqualTo(Optional.of("I'll check with the warehouse today."));
        });

        // when: it deletes the message
        rig.deliver(echo(WhatsAppMessage.revoke("wamid.app.revoke", SENT), 2));
        rig.awaitIdle();

        // then: gone, and nothing was ever sent
        assertThat(rig.history(KEY)).extracting(MessageRecord::messageId).isEmpty();
        assertThat(rig.stores().messages().find(ConversaRig.TENANT, ChannelType.WHATSAPP, SENT)).isEmpty();
        assertThat(graph.requests()).isEmpty();
        assertThat(rig.responderCalls()).isZero();
    }

    private WebhookRequest echo(WhatsAppMessage message, int minute) {
        return WhatsAppWebhook.builder().at(start.plusSeconds(60L * minute)).echo(CUSTOMER, message).signed(APP_SECRET);
    }
}
