package dev.conversa.model;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A step of a purchase made in the channel (Messenger's {@code checkout_update} and
 * {@code payment} callbacks of its payments beta).
 *
 * @param header where, who, which id, when
 * @param stage which callback it was
 * @param payload the business's payload of the buy button, when sent
 * @param details the other facts the channel sent, by dotted path
 *     ({@code "shipping_address.city"}, {@code "amount.amount"},
 *     {@code "payment_credential.charge_id"}, {@code "requested_user_info.contact_email"}); they
 *     may be personal data and are left out of {@link #toString()}
 */
public record Checkout(EventHeader header, Stage stage, Optional<String> payload, Map<String, String> details)
        implements InboundEvent {

    /** Checks the fields and copies the map. */
    public Checkout {
        Objects.requireNonNull(header, "header");
        Objects.requireNonNull(stage, "stage");
        Objects.requireNonNull(payload, "payload");
        details = Map.copyOf(details);
    }

    @Override
    public String kind() {
        return "checkout";
    }

    /** Leaves out the payload and details, which may hold personal data. */
    @Override
    public String toString() {
        return "Checkout[" + header.externalId() + ", " + stage + "]";
    }

    /** Which purchase callback it was. */
    public enum Stage {
        /** The customer changed the shipping address ({@code checkout_update}). */
        CHECKOUT_UPDATE,
        /** The customer paid ({@code payment}). */
        PAYMENT
    }
}
