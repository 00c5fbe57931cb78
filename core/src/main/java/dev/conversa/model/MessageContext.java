package dev.conversa.model;

import java.util.Objects;
import java.util.Optional;

/**
 * How a message relates to others: the message it quotes, whether it was forwarded, and the ad
 * or link that brought the customer.
 *
 * @param replyTo the channel's id of the message it quotes
 * @param forwarded true if forwarded
 * @param frequentlyForwarded true if forwarded many times
 * @param referral the ad, post or link that started the conversation
 */
public record MessageContext(
        Optional<String> replyTo, boolean forwarded, boolean frequentlyForwarded, Optional<ReferralInfo> referral) {

    /** A message without context. */
    public static final MessageContext NONE = new MessageContext(Optional.empty(), false, false, Optional.empty());

    /** Checks the fields are not null. */
    public MessageContext {
        Objects.requireNonNull(replyTo, "replyTo");
        Objects.requireNonNull(referral, "referral");
    }
}
