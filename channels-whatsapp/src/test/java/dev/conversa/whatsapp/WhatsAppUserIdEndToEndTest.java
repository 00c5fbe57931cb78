package dev.conversa.whatsapp;

import static dev.conversa.e2e.ConversaRig.ACCESS_TOKEN;
import static dev.conversa.e2e.ConversaRig.APP_SECRET;
import static dev.conversa.e2e.ConversaRig.HOURS_ANSWER;
import static dev.conversa.e2e.ConversaRig.SIZE_ANSWER;
import static dev.conversa.e2e.ConversaRig.TENANT;
import static org.assertj.core.api.Assertions.assertThat;

import dev.conversa.channel.ChannelAccount;
import dev.conversa.e2e.ConversaRig;
import dev.conversa.lang.Secret;
import dev.conversa.model.ChannelType;
import dev.conversa.model.Contact;
import dev.conversa.model.ConversationKey;
import dev.conversa.model.MessageRecord;
import dev.conversa.testkit.GraphStandIn;
import dev.conversa.testkit.RecordedRequest;
import dev.conversa.testkit.whatsapp.WhatsAppCustomer;
import dev.conversa.testkit.whatsapp.WhatsAppMessage;
import dev.conversa.testkit.whatsapp.WhatsAppWebhook;
import dev.conversa.webhook.WebhookRequest;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * WhatsApp users who hide their phone number, known only by business-scoped user id (BSUID),
 * through signed webhooks, the whole pipeline and the outbox, against the Graph API stand-in on
 * 127.0.0.1: they are answered by user id ({@code recipient}), a contact shared on request that
 * names its sender only in {@code contacts[]} is kept, and a rotated user id
 * ({@code user_id_update}) moves the contact, is never answered, and stays linked so that
 * erasure by either id leaves nothing of both.
 */
class WhatsAppUserIdEndToEndTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String NUMBER = WhatsAppWebhook.PHONE_NUMBER_ID;
    private static final String FORMER = "DE.70213345809127735561";
    private static final String CURRENT = "DE.88120934571203948576";
    private static final WhatsAppCustomer JONAS = WhatsAppCustomer.withoutPhone(FORMER, "Jonas Weber", "@jonas.w");
    private static final WhatsAppCustomer JONAS_NOW = WhatsAppCustomer.withoutPhone(CURRENT, "Jonas Weber", "@jonas.w");
    private static final ConversationKey FORMER_KEY = new ConversationKey(ChannelType.WHATSAPP, NUMBER, FORMER);
    private static final ConversationKey CURRENT_KEY = new ConversationKey(ChannelType.WHATSAPP, NUMBER, CURRENT);

    private final Instant start = Instant.now().minusSeconds(600);
    private final GraphStandIn graph = GraphStandIn.start();
    private final ConversaRig rig = ConversaRig.start(WhatsAppChannel.create(),
            ChannelAccount.of(TENANT, ChannelType.WHATSAPP, NUMBER, Secret.of(ACCESS_TOKEN)), graph.baseUrl(),
            builder -> builder.privacyPepper(Secret.of("e2e-privacy-pepper-0123456789-abcdefgh")));

    @AfterEach
    void stop() {
        rig.close();
        graph.close();
    }

    @Test
    void aSenderWithoutPhoneNumberIsKeptByUserIdAndAnsweredByUserId() {
        // when
        rig.deliver(message(JONAS, WhatsAppMessage.text("wamid.bsuid.1", "Do you have size M?"), 0));
        rig.awaitSent(FORMER_KEY, SIZE_ANSWER);
        rig.awaitIdle();

        // then: the contact is the user id, and the answer is addressed to it, never to a number
        assertThat(rig.stores().contacts().find(TENANT, ChannelType.WHATSAPP, FORMER)).get().satisfies(contact -> {
            assertThat(contact.username()).contains("@jonas.w");
            assertThat(contact.phoneNumber()).isEmpty();
        });
        assertThat(textReplies()).singleElement().satisfies(body -> {
            assertThat(body.path("recipient").asString()).isEqualTo(FORMER);
            assertThat(body.has("to")).isFalse();
            assertThat(body.path("recipient_type").asString()).isEqualTo("individual");
        });
    }

    @Test
    void aContactSharedOnRequestIsKeptUnderTheSenderNamedOnlyInContacts() {
        // when: the message has no 'from' and no 'from_user_id'
        rig.deliver(WhatsAppWebhook.builder().at(start).otherField("messages", """
                {"messaging_product": "whatsapp",
                 "metadata": {"display_phone_number": "15550783881", "phone_number_id": "106540352242922"},
                 "contacts": [{"user_id": "DE.70213345809127735561", "profile": {"name": "Jonas Weber"}}],
                 "messages": [{"id": "wamid.bsuid.card", "timestamp": "%d", "type": "contacts",
                   "origin": "contact_request/other",
                   "contacts": [{"name": {"formatted_name": "Jonas Weber"}, "phones": [{"phone": "+49 151 2345 6789"}]}]}]}
                """.formatted(start.getEpochSecond())).signed(APP_SECRET));
        rig.awaitIdle();

        // then: not dropped as unsupported, but the user's message in the user's conversation
        assertThat(rig.history(FORMER_KEY)).singleElement().satisfies(message -> {
            assertThat(message.messageId()).isEqualTo("wamid.bsuid.card");
            assertThat(message.kind()).isEqualTo("contacts");
        });
        assertThat(rig.stores().contacts().find(TENANT, ChannelType.WHATSAPP, FORMER)).map(Contact::name)
                .contains(Optional.of("Jonas Weber"));
        assertThat(rig.stores().audit().list(TENANT, 100))
                .noneMatch(event -> "unsupported_event".equals(event.action()));
    }

    @Test
    void aRotatedUserIdIsNotAnsweredMovesTheContactAndTheNextAnswerGoesToTheNewId() {
        // given: Jonas asked and was answered
        rig.deliver(message(JONAS, WhatsAppMessage.text("wamid.bsuid.1", "Do you have size M?"), 0));
        rig.awaitSent(FORMER_KEY, SIZE_ANSWER);
        rig.awaitIdle();
        int requestsBefore = graph.requests().size();

        // when: WhatsApp rotates his user id
        rig.deliver(rotation(1));
        rig.awaitIdle();

        // then: nothing sent, nobody asked; the new id's contact is his, linked to the former id
        assertThat(graph.requests()).hasSize(requestsBefore);
        assertThat(rig.responderCalls()).isEqualTo(1);
        assertThat(rig.stores().contacts().find(TENANT, ChannelType.WHATSAPP, CURRENT)).map(Contact::name)
                .contains(Optional.of("Jonas Weber"));
        assertThat(rig.stores().contacts().formerIds(TENANT, ChannelType.WHATSAPP, CURRENT)).containsExactly(FORMER);
        assertThat(rig.stores().contacts().findByIdentifier(TENANT, FORMER)).extracting(Contact::externalId)
                .containsExactly(FORMER, CURRENT);
        assertThat(rig.history(CURRENT_KEY)).singleElement().satisfies(notice -> {
            assertThat(notice.kind()).isEqualTo("system");
            assertThat(notice.messageId()).startsWith("user_id_update:");
        });

        // when: he writes under the new id
        rig.deliver(message(JONAS_NOW, WhatsAppMessage.text("wamid.bsuid.2", "When do you open?"), 2));
        rig.awaitSent(CURRENT_KEY, HOURS_ANSWER);
        rig.awaitIdle();

        // then
        assertThat(textReplies()).extracting(body -> body.path("recipient").asString()).containsExactly(FORMER, CURRENT);
    }

    @Test
    void erasureByTheFormerUserIdLeavesNothingOfEitherId() {
        eraseAfterRotation(FORMER);
    }

    @Test
    void erasureByTheCurrentUserIdLeavesNothingOfEitherId() {
        eraseAfterRotation(CURRENT);
    }

    private void eraseAfterRotation(String identifier) {
        // given
        rig.deliver(message(JONAS, WhatsAppMessage.text("wamid.bsuid.1", "Do you have size M?"), 0));
        rig.awaitSent(FORMER_KEY, SIZE_ANSWER);
        rig.deliver(rotation(1));
        rig.deliver(message(JONAS_NOW, WhatsAppMessage.text("wamid.bsuid.2", "When do you open?"), 2));
        rig.awaitSent(CURRENT_KEY, HOURS_ANSWER);
        rig.awaitIdle();

        // when
        rig.conversa().privacy().erase(TENANT, identifier);

        // then
        for (String id : List.of(FORMER, CURRENT)) {
            assertThat(rig.stores().contacts().find(TENANT, ChannelType.WHATSAPP, id)).isEmpty();
            assertThat(rig.stores().contacts().findByIdentifier(TENANT, id)).isEmpty();
            assertThat(rig.stores().contacts().formerIds(TENANT, ChannelType.WHATSAPP, id)).isEmpty();
            assertThat(rig.stores().conversations().find(TENANT, new ConversationKey(ChannelType.WHATSAPP, NUMBER, id)))
                    .isEmpty();
        }
        assertThat(rig.history(FORMER_KEY)).extracting(MessageRecord::messageId).isEmpty();
        assertThat(rig.history(CURRENT_KEY)).extracting(MessageRecord::messageId).isEmpty();
        assertThat(rig.conversa().privacy().export(TENANT, FORMER).messages()).isEmpty();
        assertThat(rig.conversa().privacy().export(TENANT, CURRENT).messages()).isEmpty();
    }

    /** A customer's message {@code minute} minutes after the test's start. */
    private WebhookRequest message(WhatsAppCustomer from, WhatsAppMessage message, int minute) {
        return WhatsAppWebhook.builder().at(start.plusSeconds(60L * minute)).message(from, message).signed(APP_SECRET);
    }

    /** Jonas's user id rotates from {@link #FORMER} to {@link #CURRENT}. */
    private WebhookRequest rotation(int minute) {
        return WhatsAppWebhook.builder().at(start).otherField("user_id_update", """
                {"messaging_product": "whatsapp",
                 "metadata": {"display_phone_number": "15550783881", "phone_number_id": "106540352242922"},
                 "contacts": [{"user_id": "%s", "profile": {"name": "Jonas Weber"}}],
                 "user_id_update": [{"detail": "User id for Jonas Weber has been updated.",
                   "user_id": {"previous": "%s", "current": "%s"}, "timestamp": "%d"}]}
                """.formatted(FORMER, FORMER, CURRENT, start.plusSeconds(60L * minute).getEpochSecond()))
                .signed(APP_SECRET);
    }

    private List<JsonNode> textReplies() {
        return graph.requests().stream().map(RecordedRequest::body).map(JSON::readTree)
                .filter(body -> "text".equals(body.path("type").asString(null))).toList();
    }
}
