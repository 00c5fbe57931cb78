package dev.conversa.instagram;

import dev.conversa.internal.json.WebhookPayload;
import dev.conversa.model.ChannelType;
import dev.conversa.model.EventHeader;
import dev.conversa.model.InboundEvent;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import tools.jackson.databind.json.JsonMapper;

/** Loads Instagram fixtures and normalizes them with the real channel. */
final class Fixtures {

    static final String IG_ID = "17841405822304914";
    static final String IGSID = "1293847561029384";
    static final Instant AT = Instant.ofEpochMilli(1732363200123L);

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private Fixtures() {}

    static WebhookPayload payload(String name) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/fixtures/instagram/" + name + ".json")) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + name);
            }
            byte[] raw = in.readAllBytes();
            return new WebhookPayload(MAPPER.readTree(raw), raw);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
