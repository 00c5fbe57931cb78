package dev.conversa.model;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The customer read the business's messages: one message (Instagram) or every message up to a
 * watermark (Messenger).
 *
 * @param header where, who, which id, when
 * @param messageId the message read, when the channel names one
 * @param watermark every message sent up to this time was read, when the channel says so
 */
public record Read(EventHeader header, Optional<String> messageId, Optional<Instant> watermark) implements InboundEvent {

    /** Checks the fields are not null. */
    public Read {
        Objects.requireNonNull(header, "header");
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(watermark, "watermark");
    }

    @Override
    public String kind() {
        return "read";
    }
}
