package dev.conversa.model;

import java.util.Objects;

/**
 * A message from the customer.
 *
 * @param header where, who, which id, when; {@code externalId} is the message's channel id
 * @param content what it says
 * @param context what it quotes and what brought the customer
 * @param sender what the channel told us about the customer
 */
public record InboundMessage(EventHeader header, MessageContent content, MessageContext context, SenderProfile sender)
        implements InboundEvent {

    /** Checks the fields are not null. */
    public InboundMessage {
        Objects.requireNonNull(header, "header");
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(context, "context");
        Objects.requireNonNull(sender, "sender");
    }

    /**
     * The channel's id of this message.
     *
     * @return the id
     */
    public String messageId() {
        return header.externalId();
    }

    @Override
    public String kind() {
        return "message";
    }
}
