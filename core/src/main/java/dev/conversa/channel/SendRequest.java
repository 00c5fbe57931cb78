package dev.conversa.channel;

import dev.conversa.model.OutboundMessage;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything an adapter needs to send one message.
 *
 * @param account the business account that sends, with its token
 * @param message what to send, and to whom
 * @param lastInboundAt when the customer last wrote, for the channel's window rules
 *     (Messenger picks {@code RESPONSE} or the {@code HUMAN_AGENT} tag from it)
 * @param now the current time
 */
public record SendRequest(ChannelAccount account, OutboundMessage message, Optional<Instant> lastInboundAt, Instant now) {

    /** Checks the fields are not null. */
    public SendRequest {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(lastInboundAt, "lastInboundAt");
        Objects.requireNonNull(now, "now");
    }
}
