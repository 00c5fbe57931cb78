package dev.conversa.channel;

import dev.conversa.model.MediaKind;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What a channel can show, declared by its adapter so that core can shape replies before any
 * request: the responder writes within {@link #maxTextLength()}, buttons beyond
 * {@link #maxButtons()} become numbered text, a free-form reply after {@link #replyWindow()}
 * is refused before it is sent.
 *
 * @param maxTextLength the longest text message, in characters
 * @param maxButtons the most reply buttons on one message; 0 if the channel has none
 * @param maxButtonTitleLength the longest button title
 * @param maxListRows the most rows in a list message; 0 if the channel has no lists
 * @param maxQuickReplies the most quick replies; 0 if the channel has none
 * @param templates whether template messages exist (they may go outside the window)
 * @param reactions whether the business can react to messages
 * @param typingIndicator whether a typing indicator exists
 * @param readReceipts whether the business can mark messages as read
 * @param media the media kinds the channel can send
 * @param replyWindow how long after the customer's last message free-form replies may go
 * @param humanAgentWindow how long a person may still reply (Messenger and Instagram
 *     {@code HUMAN_AGENT} tag), when longer than the reply window
 * @param formatting how text is formatted on this channel, for the responder: for example
 *     {@code "*bold* _italic_"} or {@code "plain text"}
 */
public record ChannelCapabilities(
        int maxTextLength, int maxButtons, int maxButtonTitleLength, int maxListRows, int maxQuickReplies,
        boolean templates, boolean reactions, boolean typingIndicator, boolean readReceipts, Set<MediaKind> media,
        Duration replyWindow, Optional<Duration> humanAgentWindow, String formatting) {

    /** Checks the fields and copies the set. */
    public ChannelCapabilities {
        if (maxTextLength <= 0) {
            throw new IllegalArgumentException("maxTextLength must be positive");
        }
        media = Set.copyOf(media);
        Objects.requireNonNull(replyWindow, "replyWindow");
        Objects.requireNonNull(humanAgentWindow, "humanAgentWindow");
        Objects.requireNonNull(formatting, "formatting");
    }
}
