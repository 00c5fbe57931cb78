package dev.conversa.model;

import java.util.Objects;
import java.util.Optional;

/**
 * A message the business sent, reported back by the channel: from this library, or from
 * elsewhere (the WhatsApp Business app, the Page inbox, another app). A message from elsewhere
 * means a person is answering, so the conversation passes to them.
 *
 * @param header where, who, which id, when; {@code contactId} is the customer
 * @param content what was sent
 * @param appId the id of the app that sent it, when the channel says
 * @param metadata the metadata the sender attached, when any
 */
public record Echo(EventHeader header, MessageContent content, Optional<String> appId, Optional<String> metadata)
        implements InboundEvent {

    /** Checks the fields are not null. */
    public Echo {
        Objects.requireNonNull(header, "header");
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(appId, "appId");
        Objects.requireNonNull(metadata, "metadata");
    }

    @Override
    public String kind() {
        return "echo";
    }
}
