package dev.conversa.whatsapp;

import static dev.conversa.e2e.ConversaRig.APP_SECRET;
import static dev.conversa.e2e.ConversaRig.PATIENCE;
import static dev.conversa.e2e.ConversaRig.SIZE_ANSWER;
import static dev.conversa.e2e.ConversaRig.TENANT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.conversa.e2e.ConversaRig;
import dev.conversa.model.ChannelType;
import dev.conversa.model.ConversationKey;
import dev.conversa.model.OutboundMessage;
import dev.conversa.model.Template;
import dev.conversa.privacy.OptOutKeywords;
import dev.conversa.store.OutboxEntry;
import dev.conversa.store.OutboxState;
import dev.conversa.testkit.GraphStandIn;
import dev.conversa.testkit.RecordedRequest;
import dev.conversa.testkit.whatsapp.WhatsAppCustomer;
import dev.conversa.testkit.whatsapp.WhatsAppMessage;
import dev.conversa.testkit.whatsapp.WhatsAppWebhook;
import dev.conversa.webhook.WebhookRequest;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * STOP and START through signed WhatsApp webhooks, the whole pipeline and the outbox, against
 * the Graph API stand-in on 127.0.0.1: one confirmation, nothing automated after it, START lifts it.
 */
class WhatsAppStopEndToEndTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String NUMBER = WhatsAppWebhook.PHONE_NUMBER_ID;
    private static final String CUSTOMER = "16315551181";
    private static final WhatsAppCustomer KERRY = WhatsAppCustomer.withPhone(CUSTOMER, "Kerry Fisher");
    private static final ConversationKey KEY = new ConversationKey(ChannelType.WHATSAPP, NUMBER, CUSTOMER);
    private static final String OPTED_OUT = OptOutKeywords.defaults().match("STOP").orElseThrow().confirmation();
    private static final String OPTED_IN = OptOutKeywords.defaults().match("START").orElseThrow().confirmation();

    private final Instant start = Instant.now().minusSeconds(600);
    private final GraphStandIn graph = GraphStandIn.start();
    private final ConversaRig rig = ConversaRig.start(WhatsAppChannel.create(), NUMBER, graph.baseUrl());

    @AfterEach
    void stop() {
        rig.close();
        graph.close();
    }

    @Test
    void stopIsConfirmedOnceAndRefusesEveryAutomatedMessageUntilStart() {
        // when: STOP, delivered twice by Meta
        WebhookRequest stop = text("wamid.stop.1", "Stop.", 0);
        rig.deliver(stop);
        rig.awaitIdle();
        rig.deliver(stop);
        rig.awaitIdle();

        // then: one confirmation, quoting the STOP, and the responder was not asked
        assertThat(textBodies()).containsExactly(OPTED_OUT);
        assertThat(JSON.readTree(textReplies().get(0).body()).path("context").path("message_id").asString())
                .isEqualTo("wamid.stop.1");
        assertThat(rig.responderCalls()).isZero();

        // when: the host sends a template and the customer writes again
        OutboxEntry template = rig.conversa().send(TENANT, OutboundMessage.of(KEY,
                new Template("spring_offer", "en_US", List.of())));
        rig.deliver(text("wamid.e2e.2", "Do you have the jacket in size M?", 1));
        rig.awaitIdle();

        // then: refused with a reason, never sent, no automated reply
        assertThat(rig.outbox(OutboxState.DEAD)).singleElement().satisfies(dead -> {
            assertThat(dead.id()).isEqualTo(template.id());
            assertThat(dead.lastError()).get().asString().startsWith("refused: the person opted out");
        });
        assertThat(graph.requests()).noneMatch(request -> request.body().contains("spring_offer"));
        assertThat(rig.responderCalls()).isZero();

        // when: START, then a question
        rig.deliver(text("wamid.start.1", "START", 2));
        await().atMost(PATIENCE).until(() -> textBodies().contains(OPTED_IN));
        rig.deliver(text("wamid.e2e.3", "Do you have the jacket in size M?", 3));
        await().atMost(PATIENCE).until(() -> textBodies().contains(SIZE_ANSWER));
        rig.awaitIdle();

        // then
        assertThat(textBodies()).containsExactly(OPTED_OUT, OPTED_IN, SIZE_ANSWER);
        assertThat(rig.responderCalls()).isEqualTo(1);
    }

    /** A text written {@code minute} minutes after the test's start (WhatsApp's times are whole seconds). */
    private WebhookRequest text(String id, String body, int minute) {
        return WhatsAppWebhook.builder().at(start.plusSeconds(60L * minute)).message(KERRY, WhatsAppMessage.text(id, body))
                .signed(APP_SECRET);
    }

    private List<String> textBodies() {
        return textReplies().stream().map(request -> JSON.readTree(request.body()).path("text").path("body")
                .asString()).toList();
    }

    private List<RecordedRequest> textReplies() {
        return graph.requests().stream()
                .filter(request -> "text".equals(JSON.readTree(request.body()).path("type").asString(null)))
                .toList();
    }
}
