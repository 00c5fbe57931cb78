package dev.conversa.model;

/**
 * Something a channel told us about a conversation, normalized from its webhook. Hosts
 * {@code switch} over the permitted records. An event no adapter understands becomes
 * {@link Unsupported} with its raw JSON, never dropped.
 *
 * <p>All implementations are immutable records.
 */
public sealed interface InboundEvent
        permits InboundMessage, StatusUpdate, Echo, Reaction, Read, Handover, OptIn, Referral, Deleted, Edited,
                PlatformError, Unsupported, DeliveryWatermark, PolicyEnforcement, AccountLinking, Checkout, GamePlay {

    /**
     * Where the event came from, whom it concerns, and when.
     *
     * @return the header
     */
    EventHeader header();

    /**
     * The conversation this event belongs to.
     *
     * @return its key
     */
    default ConversationKey conversation() {
        return header().conversation();
    }

    /**
     * A short, stable name of the kind of event, such as {@code "message"}.
     *
     * @return the kind
     */
    String kind();
}
