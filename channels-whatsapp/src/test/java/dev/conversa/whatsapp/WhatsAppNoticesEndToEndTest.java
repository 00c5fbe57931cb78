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
import dev.conversa.store.AuditEvent;
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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.json.JsonMapper;

/**
 * WhatsApp system notices through signed webhooks, the whole pipeline and the outbox, against the
 * Graph API stand-in on 127.0.0.1: a notice is never answered, a changed number moves the contact,
 * a changed identity is recorded for the host.
 */
class WhatsAppNoticesEndToEndTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String NUMBER = WhatsAppWebhook.PHONE_NUMBER_ID;
    private static final String OLD = "16315551181";
    private static final String NEW = "16315551199";
    private static final WhatsAppCustomer KERRY = WhatsAppCustomer.withPhone(OLD, "Kerry Fisher");
    private static final WhatsAppCustomer KERRY_NOW = WhatsAppCustomer.withPhone(NEW, "Kerry Fisher");
    private static final ConversationKey OLD_KEY = new ConversationKey(ChannelType.WHATSAPP, NUMBER, OLD);
    private static final ConversationKey NEW_KEY = new ConversationKey(ChannelType.WHATSAPP, NUMBER, NEW);
    private static final String CHANGED = "User Kerry Fisher changed from " + OLD + " to " + NEW;

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
    void aChangedNumberIsNotAnsweredAndMovesTheContactToTheNewNumber() {
        // given: Kerry asked from the old number and was answered
        rig.deliver(message(KERRY, WhatsAppMessage.text("wamid.e2e.1", "Do you have the jacket in size M?"), 0));
        rig.awaitSent(OLD_KEY, SIZE_ANSWER);
        rig.awaitIdle();
        int requestsBefore = graph.requests().size();

        // when: WhatsApp says the number changed
        rig.deliver(message(KERRY, WhatsAppMessage.numberChanged("wamid.notice.1", NEW).withMedia("body", CHANGED), 1));
        rig.awaitIdle();

        // then: no request to Meta, no responder; the new number's contact and history link the old one
        assertThat(graph.requests()).hasSize(requestsBefore);
        assertThat(rig.responderCalls()).isEqualTo(1);
        assertThat(rig.stores().contacts().find(TENANT, ChannelType.WHATSAPP, NEW)).get().satisfies(contact -> {
            assertThat(contact.name()).contains("Kerry Fisher");
            assertThat(contact.phoneNumber()).contains(NEW);
        });
        assertThat(rig.stores().contacts().find(TENANT, ChannelType.WHATSAPP, OLD)).map(Contact::phoneNumber)
                .contains(Optional.of(OLD));
        assertThat(rig.history(NEW_KEY)).singleElement().satisfies(notice -> {
            assertThat(notice.messageId()).isEqualTo("wamid.notice.1");
            assertThat(notice.kind()).isEqualTo("system");
            assertThat(notice.text()).contains(CHANGED);
        });
        assertThat(rig.history(OLD_KEY)).extracting(MessageRecord::messageId).doesNotContain("wamid.notice.1")
                .contains("wamid.e2e.1");
        assertThat(notices()).extracting(event -> event.details().get("noticeType")).containsExactly("user_changed_number");

        // when: Kerry writes from the new number
        rig.deliver(message(KERRY_NOW, WhatsAppMessage.text("wamid.e2e.2", "When do you open?"), 2));
        rig.awaitSent(NEW_KEY, HOURS_ANSWER);
        rig.awaitIdle();

        // then: the answer goes to the new number, after the notice in the same history
        assertThat(textReplies()).extracting(request -> JSON.readTree(request.body()).path("to").asString())
                .containsExactly(OLD, NEW);
        assertThat(rig.history(NEW_KEY)).extracting(MessageRecord::messageId).first().isEqualTo("wamid.notice.1");
    }

    @Test
    void aChangedNumberLinksTheOldNumberToTheNewContact() {
        // when
        rig.deliver(message(KERRY, WhatsAppMessage.text("wamid.e2e.1", "Do you have the jacket in size M?"), 0));
        rig.deliver(message(KERRY, WhatsAppMessage.numberChanged("wamid.notice.1", NEW).withMedia("body", CHANGED), 1));
        rig.awaitIdle();

        // then
        assertThat(rig.stores().contacts().formerIds(TENANT, ChannelType.WHATSAPP, NEW)).containsExactly(OLD);
        assertThat(rig.stores().contacts().findByIdentifier(TENANT, "+1 631-555-1181")).extracting(Contact::externalId)
                .containsExactlyInAnyOrder(OLD, NEW);
    }

    @ParameterizedTest
    @ValueSource(strings = {"+1 631-555-1181", "16315551199"})
    void erasureByTheOldOrTheNewNumberLeavesNoTraceOfEither(String identifier) {
        // given: Kerry wrote from the old number, changed number, and wrote from the new one
        rig.deliver(message(KERRY, WhatsAppMessage.text("wamid.e2e.1", "Do you have the jacket in size M?"), 0));
        rig.awaitSent(OLD_KEY, SIZE_ANSWER);
        rig.deliver(message(KERRY, WhatsAppMessage.numberChanged("wamid.notice.1", NEW).withMedia("body", CHANGED), 1));
        rig.deliver(message(KERRY_NOW, WhatsAppMessage.text("wamid.e2e.2", "When do you open?"), 2));
        rig.awaitSent(NEW_KEY, HOURS_ANSWER);
        rig.awaitIdle();

        // when
        rig.conversa().privacy().erase(TENANT, identifier);

        // then: neither number's contact, conversation, history, link or export remains
        for (String number : List.of(OLD, NEW)) {
            assertThat(rig.stores().contacts().find(TENANT, ChannelType.WHATSAPP, number)).isEmpty();
            assertThat(rig.stores().contacts().findByIdentifier(TENANT, number)).isEmpty();
            assertThat(rig.stores().contacts().formerIds(TENANT, ChannelType.WHATSAPP, number)).isEmpty();
            assertThat(rig.stores().conversations().find(TENANT, new ConversationKey(ChannelType.WHATSAPP, NUMBER,
                    number))).isEmpty();
            assertThat(rig.conversa().privacy().export(TENANT, number).messages()).isEmpty();
        }
        assertThat(rig.history(OLD_KEY)).isEmpty();
        assertThat(rig.history(NEW_KEY)).isEmpty();
    }

    @Test
    void aChangedIdentityIsRecordedForTheHostAndNotAnswered() {
        // when
        rig.deliver(message(KERRY, WhatsAppMessage.identityChanged("wamid.notice.2"), 0));
        rig.awaitIdle();

        // then
        assertThat(graph.requests()).isEmpty();
        assertThat(rig.responderCalls()).isZero();
        assertThat(rig.history(OLD_KEY)).isEmpty();
        assertThat(notices()).singleElement().satisfies(event -> {
            assertThat(event.details()).containsEntry("noticeType", "customer_identity_changed")
                    .containsEntry("eventId", "wamid.notice.2").containsEntry("channel", "whatsapp");
            assertThat(event.details().values()).noneMatch(value -> value.contains(OLD));
        });
    }

    /** A customer's message {@code minute} minutes after the test's start. */
    private WebhookRequest message(WhatsAppCustomer from, WhatsAppMessage message, int minute) {
        return WhatsAppWebhook.builder().at(start.plusSeconds(60L * minute)).message(from, message).signed(APP_SECRET);
    }

    private List<AuditEvent> notices() {
        return rig.stores().audit().list(TENANT, 100).stream()
                .filter(event -> "contact_notice".equals(event.action())).toList();
    }

    private List<RecordedRequest> textReplies() {
        return graph.requests().stream()
                .filter(request -> "text".equals(JSON.readTree(request.body()).path("type").asString(null)))
                .toList();
    }
}
