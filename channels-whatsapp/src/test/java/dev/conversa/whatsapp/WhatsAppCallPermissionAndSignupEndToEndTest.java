package dev.conversa.whatsapp;

import static dev.conversa.e2e.ConversaRig.APP_SECRET;
import static dev.conversa.e2e.ConversaRig.TENANT;
import static org.assertj.core.api.Assertions.assertThat;

import dev.conversa.e2e.ConversaRig;
import dev.conversa.model.ChannelType;
import dev.conversa.model.ConversationKey;
import dev.conversa.store.ConsentRecord;
import dev.conversa.testkit.GraphStandIn;
import dev.conversa.testkit.SignedWebhook;
import dev.conversa.testkit.whatsapp.WhatsAppWebhook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A customer's answer to a call permission request, and a marketing signup, through signed
 * webhooks, the whole pipeline and the outbox against the Graph API stand-in on 127.0.0.1: the
 * answer is kept in the history as typed content and not answered; the signup is an opt-in in
 * the consent ledger.
 */
class WhatsAppCallPermissionAndSignupEndToEndTest {

    private static final String NUMBER = WhatsAppWebhook.PHONE_NUMBER_ID;
    private static final String CUSTOMER = "16315551181";
    private static final ConversationKey KEY = new ConversationKey(ChannelType.WHATSAPP, NUMBER, CUSTOMER);

    private final GraphStandIn graph = GraphStandIn.start();
    private final ConversaRig rig = ConversaRig.start(WhatsAppChannel.create(), NUMBER, graph.baseUrl());

    @AfterEach
    void stop() {
        rig.close();
        graph.close();
    }

    @Test
    void aCallPermissionReplyIsKeptAndNotAnswered() {
        rig.deliver(SignedWebhook.post(APP_SECRET, WhatsAppFixtures.fresh("call_permission_reply.json")));
        rig.awaitIdle();

        assertThat(rig.history(KEY)).singleElement().satisfies(record -> {
            assertThat(record.kind()).isEqualTo("call_permission_reply");
            assertThat(record.messageId()).isEqualTo("wamid.HBgLMTYzMTU1NTExODEVAgASGBRDQUxMUEVSTUlTU0lPTjAwMDEA");
            assertThat(record.text()).isEmpty();
        });
        assertThat(rig.responderCalls()).isZero();
        assertThat(graph.requests()).isEmpty();
        assertThat(rig.stores().inbox().pendingCount()).isZero();
    }

    @Test
    void aMarketingSignupIsAnOptInInTheConsentLedger() {
        rig.deliver(SignedWebhook.post(APP_SECRET, WhatsAppFixtures.fresh("user_preferences_signup.json")));
        rig.awaitIdle();

        assertThat(rig.stores().consents().latest(TENANT, ChannelType.WHATSAPP, CUSTOMER, "marketing_messages"))
                .hasValueSatisfying(record -> {
                    assertThat(record.optedIn()).isTrue();
                    assertThat(record.source()).isEqualTo(ConsentRecord.SOURCE_CHANNEL);
                });
        assertThat(rig.stores().audit().list(TENANT, 10)).anySatisfy(event -> assertThat(event.details())
                .containsEntry("topic", "marketing_messages").containsEntry("optedIn", "true"));
        assertThat(rig.responderCalls()).isZero();
        assertThat(graph.requests()).isEmpty();
    }
}
