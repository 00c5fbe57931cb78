package dev.conversa.messenger.platform.internal;

import dev.conversa.channel.SendRequest;
import java.time.Duration;
import java.util.Optional;

/**
 * How the Messenger Platform labels a message by its window: within 24 hours of the customer's
 * last message it goes as {@code RESPONSE}; later (only a person's message, within 7 days: core's
 * send gate refused anything else from the channel's capabilities before the adapter was called)
 * as {@code MESSAGE_TAG} with tag {@code HUMAN_AGENT}. The windows themselves are declared as
 * capabilities ({@link #REPLY_WINDOW}, {@link #HUMAN_AGENT_WINDOW}) and enforced by core.
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
     * Decides how a message goes: {@code RESPONSE} within the standard window (or when the
     * customer's last message is unknown, leaving the verdict to Meta), the {@code HUMAN_AGENT}
     * tag after it.
     *
     * @param request the send request with the time of the customer's last message
     * @return the messaging type and tag
     */
    public static MessagingWindow decide(SendRequest request) {
        boolean late = request.lastInboundAt()
                .filter(last -> Duration.between(last, request.now()).compareTo(REPLY_WINDOW) > 0)
                .isPresent();
        return late ? HUMAN_AGENT : RESPONSE;
    }
}
