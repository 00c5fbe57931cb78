package dev.conversa.whatsapp.internal;

import dev.conversa.internal.json.WebhookTrees;
import dev.conversa.model.ChannelType;
import dev.conversa.model.EventHeader;
import dev.conversa.model.InboundEvent;
import dev.conversa.model.MessageContext;
import dev.conversa.model.SenderProfile;
import dev.conversa.testsupport.WebhookPayloads;
import dev.conversa.whatsapp.WhatsAppChannel;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Loads the WhatsApp webhook fixtures and names the values they share. */
final class Fixtures {

    static final String ACCOUNT = "106540352242922";
    static final String CUSTOMER = "16315551181";
    static final Instant RECEIVED_AT = Instant.parse("2026-01-02T03:04:05Z");
    static final SenderProfile KERRY = new SenderProfile(Optional.of("Kerry Fisher"), Optional.empty(), Optional.of(CUSTOMER));
    static final JsonMapper JSON = JsonMapper.builder().build();

    private Fixtures() {}

    static JsonNode json(String name) {
        return WebhookTrees.root(WebhookPayloads.fixture("whatsapp", name));
    }

    static List<InboundEvent> normalize(String name) {
        return new WhatsAppNormalizer(Clock.fixed(RECEIVED_AT, ZoneOffset.UTC)).normalize(json(name));
    }

    static InboundEvent single(String name) {
        List<InboundEvent> events = normalize(name);
        if (events.size() != 1) {
            throw new AssertionError(name + " gave " + events.size() + " events: " + events);
        }
        return events.get(0);
    }

    /** The business number as customers see it, in every fixture with metadata. */
    static final String DISPLAY_NUMBER = "15550783881";

    static EventHeader header(String externalId, long epochSecond) {
        return header(CUSTOMER, externalId, epochSecond);
    }

    static EventHeader header(String contactId, String externalId, long epochSecond) {
        return new EventHeader(ChannelType.WHATSAPP, ACCOUNT, contactId, externalId, Instant.ofEpochSecond(epochSecond),
                Map.of(WhatsAppChannel.DISPLAY_PHONE_NUMBER, DISPLAY_NUMBER));
    }

    static MessageContext replyTo(String messageId) {
        return new MessageContext(Optional.of(messageId), false, false, Optional.empty());
    }

    /** The first message of a fixture, as raw JSON, for comparing kept raw content. */
    static JsonNode firstItem(String name, String array) {
        return json(name).path("entry").path(0).path("changes").path(0).path("value").path(array).path(0);
    }
}
