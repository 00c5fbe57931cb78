package dev.conversa.instagram;

import dev.conversa.channel.WebhookPayload;
import dev.conversa.model.ChannelType;
import dev.conversa.model.EventHeader;
import dev.conversa.model.InboundEvent;
import dev.conversa.testsupport.WebhookPayloads;
import java.time.Instant;
import java.util.List;

/** Loads Instagram fixtures and normalizes them with the real channel. */
final class Fixtures {

    static final String IG_ID = "17841405822304914";
    static final String IGSID = "1293847561029384";
    static final Instant AT = Instant.ofEpochMilli(1732363200123L);

    private Fixtures() {}

    static WebhookPayload payload(String name) {
        return WebhookPayloads.fixture("instagram", name);
    }

    static InboundEvent single(String name) {
        List<InboundEvent> events = InstagramChannel.create().normalize(payload(name));
        if (events.size() != 1) {
            throw new AssertionError("expected one event in " + name + " but got " + events);
        }
        return events.get(0);
    }

    static EventHeader header(String externalId) {
        return new EventHeader(ChannelType.INSTAGRAM, IG_ID, IGSID, externalId, AT);
    }
}
