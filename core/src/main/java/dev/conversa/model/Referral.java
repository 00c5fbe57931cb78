package dev.conversa.model;

import java.util.Objects;

/**
 * The customer opened the conversation from an ad, a link or a shop without writing yet.
 *
 * @param header where, who, which id, when
 * @param referral what brought the customer
 */
public record Referral(EventHeader header, ReferralInfo referral) implements InboundEvent {

    /** Checks the fields are not null. */
    public Referral {
        Objects.requireNonNull(header, "header");
        Objects.requireNonNull(referral, "referral");
    }

    @Override
    public String kind() {
        return "referral";
    }
}
