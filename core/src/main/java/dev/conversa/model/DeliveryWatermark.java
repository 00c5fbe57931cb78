package dev.conversa.model;

import java.time.Instant;
import java.util.Objects;

/**
 * The channel delivered every one of the business's messages sent up to a time, without naming
 * them (a Messenger delivery with only a {@code watermark}).
 *
 * @param header where, who, which id, when
 * @param watermark every message sent up to this time was delivered
 */
public record DeliveryWatermark(EventHeader header, Instant watermark) implements InboundEvent {

    /** Checks the fields are not null. */
    public DeliveryWatermark {
        Objects.requireNonNull(header, "header");
        Objects.requireNonNull(watermark, "watermark");
    }

    @Override
    public String kind() {
        return "delivery_watermark";
    }
}
