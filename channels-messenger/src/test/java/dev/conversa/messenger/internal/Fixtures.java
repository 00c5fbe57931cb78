package dev.conversa.messenger.internal;

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

/** Loads Messenger fixtures and normalizes them with the real parser. */
final class Fixtures {

    static final String PAGE = "106372929211384";
    static final String PSID = "6811512345678901";
    static final Instant AT = Instant.ofEpochMilli(1732363200123L);

    private static final JsonMapper MAPPER = JsonMapper.builder().build();
    private static final MessagingEventParser PARSER = new MessagingEventParser(ChannelType.MESSENGER, "page");

    private Fixtures() {}

    static WebhookPayload payload(String name) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/fixtures/messenger/" + name + ".json")) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + name);
            }
            byte[] raw = in.readAllBytes();
            return new WebhookPayload(MAPPER.readTree(raw), raw);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
