package dev.conversa.whatsapp;

import static dev.conversa.e2e.ConversaRig.ACCESS_TOKEN;
import static dev.conversa.e2e.ConversaRig.APP_SECRET;
import static dev.conversa.e2e.ConversaRig.SIZE_ANSWER;
import static dev.conversa.e2e.ConversaRig.TENANT;
import static org.assertj.core.api.Assertions.assertThat;

import dev.conversa.channel.ChannelAccount;
import dev.conversa.e2e.ConversaRig;
import dev.conversa.lang.Secret;
import dev.conversa.model.ChannelType;
import dev.conversa.model.ConversationKey;
import dev.conversa.model.Direction;
import dev.conversa.testkit.GraphStandIn;
import dev.conversa.testkit.RecordedRequest;
import dev.conversa.testkit.whatsapp.WhatsAppCustomer;
import dev.conversa.testkit.whatsapp.WhatsAppMessage;
import dev.conversa.testkit.whatsapp.WhatsAppWebhook;
import dev.conversa.webhook.WebhookRequest;
import java.time.Instant;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Messages written in a WhatsApp group ({@code group_id}) through signed webhooks, the whole
 * pipeline and the outbox, against the Graph API stand-in on 127.0.0.1: the group is the
 * conversation and its member the contact; where the account does not serve groups (the default)
 * the message is recorded and nobody gets a reply, and where it does the reply goes to the group,
 * never privately to the member.
 */
class WhatsAppGroupEndToEndTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String NUMBER = WhatsAppWebhook.PHONE_NUMBER_ID;
    private static final String GROUP = "120363029384756102@g.us";
    private static final String MEMBER = "IN.50918273645019283746";
    private static final WhatsAppCustomer PRIYA = WhatsAppCustomer.withoutPhone(MEMBER, "Priya Raman", "@priya.r");
    private static final ConversationKey GROUP_KEY =
            new ConversationKey(ChannelType.WHATSAPP, NUMBER, WhatsAppChannel.GROUP_PREFIX + GROUP);
    private static final ConversationKey MEMBER_KEY = new ConversationKey(ChannelType.WHATSAPP, NUMBER, MEMBER);

    private final Instant start = Instant.now().minusSeconds(600);
    private final GraphStandIn graph = GraphStandIn.start();
    private ConversaRig rig;

    @AfterEach
    void stop() {
        if (rig != null) {
            rig.close();
        }
        graph.close();
    }

    @Test
    void aGroupMessageIsRecordedUnderTheGroupAndNobodyIsAnsweredWhereTheAccountDoesNotServeGroups() {
        // given
        rig = ConversaRig.start(WhatsAppChannel.create(), NUMBER, graph.baseUrl());

        // when
        rig.deliver(groupMessage("wamid.group.1", "Is size M in stock for the workshop?"));
        rig.awaitIdle();

        // then: kept in the group's conversation, the member stored as the contact; no request at all
        assertThat(rig.history(GROUP_KEY)).singleElement().satisfies(message -> {
            assertThat(message.messageId()).isEqualTo("wamid.group.1");
            assertThat(message.direction()).isEqualTo(Direction.INBOUND);
            assertThat(message.text()).contains("Is size M in stock for the workshop?");
        });
        assertThat(rig.stores().contacts().find(TENANT, ChannelType.WHATSAPP, MEMBER)).get()
                .satisfies(contact -> assertThat(contact.name()).contains("Priya Raman"));
        assertThat(rig.stores().contacts().find(TENANT, ChannelType.WHATSAPP, GROUP_KEY.contactId())).isEmpty();
        assertThat(rig.history(MEMBER_KEY)).isEmpty();
        assertThat(rig.responderCalls()).isZero();
        assertThat(graph.requests()).isEmpty();
    }

    @Test
    void aGroupMessageIsAnsweredInTheGroupWhereTheAccountServesGroups() {
        // given
        ChannelAccount serving = ChannelAccount.of(TENANT, ChannelType.WHATSAPP, NUMBER, Secret.of(ACCESS_TOKEN))
                .withServesGroups(true);
        rig = ConversaRig.start(WhatsAppChannel.create(), serving, graph.baseUrl(), UnaryOperator.identity());

        // when
        rig.deliver(groupMessage("wamid.group.1", "Is size M in stock for the workshop?"));
        rig.awaitSent(GROUP_KEY, SIZE_ANSWER);
        rig.awaitIdle();

        // then: one request, to the group; no read receipt or typing, nothing to the member
        assertThat(graph.requests()).extracting(RecordedRequest::body).map(JSON::readTree)
                .singleElement().satisfies(body -> {
                    assertThat(body.path("recipient_type").asString()).isEqualTo("group");
                    assertThat(body.path("to").asString()).isEqualTo(GROUP);
                    assertThat(body.has("recipient")).isFalse();
                    assertThat(body.path("text").path("body").asString()).isEqualTo(SIZE_ANSWER);
                });
        assertThat(rig.history(MEMBER_KEY)).isEmpty();
        assertThat(requestsNaming(MEMBER)).isEmpty();
    }

    private WebhookRequest groupMessage(String id, String text) {
        return WhatsAppWebhook.builder().at(start).message(PRIYA, WhatsAppMessage.text(id, text).inGroup(GROUP))
                .signed(APP_SECRET);
    }

    private List<JsonNode> requestsNaming(String id) {
        return graph.requests().stream().filter(request -> request.body().contains(id))
                .map(request -> JSON.readTree(request.body())).toList();
    }
}
