package dev.conversa.testsupport;

import dev.conversa.channel.ChannelAdapter;
import dev.conversa.channel.ChannelCapabilities;
import dev.conversa.channel.SendRequest;
import dev.conversa.channel.SendResult;
import dev.conversa.channel.WebhookPayload;
import dev.conversa.graph.GraphClient;
import dev.conversa.model.ChannelType;
import dev.conversa.model.EventHeader;
import dev.conversa.model.InboundEvent;
import dev.conversa.model.InboundMessage;
import dev.conversa.model.MessageContext;
import dev.conversa.model.SenderProfile;
import dev.conversa.model.Text;
import dev.conversa.model.Unsupported;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A tiny channel for tests of core: webhook object {@value #OBJECT}, channel type
 * {@code "test"}. It turns
 * {@code {"object":"test_object","entry":[{"id":"acct","events":[{"id":"e1","from":"u1","time":1700000000,"text":"hi"}]}]}}
 * into {@link InboundMessage}s with {@link Text} content; an event missing one of those fields
 * becomes {@link Unsupported} with its raw JSON. Sends are recorded and answered with
 * {@code "out-1"}, {@code "out-2"}, ...
 *
 * <p>It reads the body with its own JSON parser, as a third-party channel would, so core's tests
 * prove the channel SPI works without Conversa's internal JSON accessor.
 *
 * <p>Thread-safe.
 */
public final class EchoTestChannel implements ChannelAdapter {

    /** The webhook object this channel handles. */
    public static final String OBJECT = "test_object";
    /** The channel type of its events. */
    public static final ChannelType TYPE = new ChannelType("test");

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final List<SendRequest> sent = new CopyOnWriteArrayList<>();

    /**
     * A payload with one text message, as this channel reads it.
     *
     * @param account the business account id
     * @param eventId the event's external id
     * @param from the customer's id
     * @param time when it happened
     * @param text the text, plain ASCII without quotes or backslashes
     * @return the JSON
     */
    public static String payload(String account, String eventId, String from, Instant time, String text) {
        return "{\"object\":\"" + OBJECT + "\",\"entry\":[{\"id\":\"" + account + "\",\"events\":[{\"id\":\""
                + eventId + "\",\"from\":\"" + from + "\",\"time\":" + time.getEpochSecond() + ",\"text\":\"" + text
                + "\"}]}]}";
    }

    @Override
    public ChannelType type() {
        return TYPE;
    }

    @Override
    public String webhookObject() {
        return OBJECT;
    }

    @Override
    public List<InboundEvent> normalize(WebhookPayload payload) {
        JsonNode entries = JSON.readTree(payload.bodyStream()).path("entry");
        if (!entries.isArray()) {
            throw new IllegalArgumentException("a test_object payload has an entry array");
        }
        List<InboundEvent> events = new ArrayList<>();
        for (JsonNode entry : entries) {
            String account = entry.path("id").asString("unknown");
            for (JsonNode event : entry.path("events")) {
                events.add(toEvent(account, event));
            }
        }
        return events;
    }

    private static InboundEvent toEvent(String account, JsonNode event) {
        JsonNode id = event.path("id");
        JsonNode from = event.path("from");
        JsonNode time = event.path("time");
        JsonNode text = event.path("text");
        if (id.isString() && from.isString() && time.canConvertToLong() && text.isString()) {
            EventHeader header = new EventHeader(TYPE, account, from.asString(), id.asString(),
                    Instant.ofEpochSecond(time.asLong()));
            return new InboundMessage(header, new Text(text.asString()), MessageContext.NONE, SenderProfile.UNKNOWN);
        }
        EventHeader header = new EventHeader(TYPE, account, from.asString("unknown"), id.asString("unknown"),
                Instant.ofEpochSecond(time.asLong(0)));
        return new Unsupported(header, "test_event", event.toString());
    }

    @Override
    public SendResult send(SendRequest request, GraphClient graph) {
        sent.add(request);
        return SendResult.sent("out-" + sent.size());
    }

    /**
     * The requests sent so far, in order.
     *
     * @return a snapshot
     */
    public List<SendRequest> sent() {
        return List.copyOf(sent);
    }

    @Override
    public ChannelCapabilities capabilities() {
        return ChannelCapabilities.builder()
                .maxTextLength(4096)
                .maxButtons(3)
                .maxButtonTitleLength(20)
                .maxListRows(10)
                .maxQuickReplies(13)
                .templates(true)
                .reactions(true)
                .typingIndicator(true)
                .readReceipts(true)
                .replyWindow(Duration.ofHours(24))
                .build();
    }
}
