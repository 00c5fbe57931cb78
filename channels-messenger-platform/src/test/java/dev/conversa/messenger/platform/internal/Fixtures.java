package dev.conversa.messenger.platform.internal;

import dev.conversa.channel.WebhookPayload;
import dev.conversa.model.ChannelType;
import dev.conversa.model.EventHeader;
import dev.conversa.model.InboundEvent;
import dev.conversa.testsupport.WebhookPayloads;
import java.time.Instant;
import java.util.List;

/** Loads Messenger fixtures and normalizes them with the real parser. */
final class Fixtures {

    static final String PAGE = "106372929211384";
    static final String PSID = "6811512345678901";
    static final Instant AT = Instant.ofEpochMilli(1732363200123L);

    private static final MessagingEventParser PARSER = new MessagingEventParser(ChannelType.MESSENGER, "page");

    private Fixtures() {}

    static WebhookPayload payload(String name) {
        return WebhookPayloads.fixture("messenger", name);
    }

    static List<InboundEvent> events(String name) {
        return PARSER.parse(payload(name));
    }

    static InboundEvent single(String name) {
        List<InboundEvent> events = events(name);
        if (events.size() != 1) {
            throw new AssertionError("expected one event in " + name + " but got " + events);
        }
        return events.get(0);
    }

    static EventHeader header(String externalId) {
        return new EventHeader(ChannelType.MESSENGER, PAGE, PSID, externalId, AT);
    }
}
