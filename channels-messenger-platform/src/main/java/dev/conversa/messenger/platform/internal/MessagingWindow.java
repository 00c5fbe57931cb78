package dev.conversa.messenger.platform.internal;

import dev.conversa.channel.SendRequest;
import dev.conversa.messenger.platform.OutsideWindowException;
import dev.conversa.model.Author;
import java.time.Duration;
import java.util.Optional;

/**
 * The Messenger Platform's window rules, checked before any request: within 24 hours of the
 * customer's last message anything may go as {@code RESPONSE}; between 24 hours and 7 days only
 * a person's reply, as {@code MESSAGE_TAG} with tag {@code HUMAN_AGENT}; after 7 days nothing.
 * Sender actions (typing, mark seen) need the 24-hour window.
 *
 * <p><b>Internal.</b> Immutable and thread-safe.
 *
 * @param messagingType the {@code messaging_type} to send
 * @param tag the message tag, when the type is {@code MESSAGE_TAG}
 */
public record MessagingWindow(String messagingType, Optional<String> tag) {

    /** The standard window. */
    public static final Duration REPLY_WINDOW = Duration.ofHours(24);
    /** How long a person may reply with the {@code HUMAN_AGENT} tag. */
    public static final Duration HUMAN_AGENT_WINDOW = Duration.ofDays(7);

    private static final MessagingWindow RESPONSE = new MessagingWindow("RESPONSE", Optional.empty());
    private static final MessagingWindow HUMAN_AGENT = new MessagingWindow("MESSAGE_TAG", Optional.of("HUMAN_AGENT"));

    /**
     * Decides how a message may go, or refuses it.
     *
     * @param request the send request with the time of the customer's last message
     * @param channelName the channel's name for the error message
     * @return the messaging type and tag
     * @throws OutsideWindowException if the window does not allow the message
     */
    public static MessagingWindow decide(SendRequest request, String channelName) {
        Author author = request.message().author();
        if (request.lastInboundAt().isEmpty()) {
            throw new OutsideWindowException(channelName + " allows messages only to a customer who wrote first; "
                    + "this customer never wrote", author, Optional.empty());
        }
        Duration since = Duration.between(request.lastInboundAt().get(), request.now());
        if (since.compareTo(REPLY_WINDOW) <= 0) {
            return RESPONSE;
        }
        if (!request.message().content().isMessage()) {
            throw new OutsideWindowException(channelName + " allows typing and read markers only within 24 hours of "
                    + "the customer's last message", author, Optional.of(since));
        }
        if (since.compareTo(HUMAN_AGENT_WINDOW) > 0) {
            throw new OutsideWindowException(channelName + " allows no message more than 7 days after the customer's "
                    + "last message", author, Optional.of(since));
        }
        if (author != Author.AGENT) {
            throw new OutsideWindowException(channelName + " allows a bot's reply only within 24 hours of the "
                    + "customer's last message; between 24 hours and 7 days only a person may reply (HUMAN_AGENT tag)",
                    author, Optional.of(since));
        }
        return HUMAN_AGENT;
    }
}
