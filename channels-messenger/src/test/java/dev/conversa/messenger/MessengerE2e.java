package dev.conversa.messenger;

import static dev.conversa.e2e.ConversaRig.APP_SECRET;

import dev.conversa.model.ChannelType;
import dev.conversa.model.ConversationKey;
import dev.conversa.testkit.GraphStandIn;
import dev.conversa.testkit.RecordedRequest;
import dev.conversa.testkit.messenger.MessengerWebhook;
import dev.conversa.webhook.WebhookRequest;
import java.time.Instant;
import java.util.List;
import tools.jackson.databind.json.JsonMapper;

/** The Page, the customer and the helpers the Messenger end-to-end tests share. */
final class MessengerE2e {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final String PAGE = "106372929211384";
    static final String PSID = "6811512345678901";
    static final ConversationKey KEY = new ConversationKey(ChannelType.MESSENGER, PAGE, PSID);

    private MessengerE2e() {
    }

    /** A signed text message from the customer, timed now. */
    static WebhookRequest text(String mid, String body) {
        return MessengerWebhook.page(PAGE).at(Instant.now()).text(PSID, mid, body).signed(APP_SECRET);
    }

    /** The Send API requests the stand-in recorded that carry a text message, in order. */
    static List<RecordedRequest> textReplies(GraphStandIn graph) {
        return graph.requests().stream().filter(request -> JSON.readTree(request.body()).path("message").has("text"))
                .toList();
    }

    /** The text of a recorded Send API message. */
    static String replyText(RecordedRequest request) {
        return JSON.readTree(request.body()).path("message").path("text").asString();
    }
}
