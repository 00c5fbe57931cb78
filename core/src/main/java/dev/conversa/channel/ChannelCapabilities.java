package dev.conversa.channel;

import dev.conversa.model.MediaKind;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What a channel can show and when it lets the business speak, declared by its adapter so that
 * core can shape replies before any request: the responder writes within
 * {@link #maxTextLength()}, buttons beyond {@link #maxButtons()} become numbered text, and core's
 * send gate refuses a free-form message after {@link #replyWindow()} (a person's message after
 * {@link #humanAgentWindow()}) before it is sent. Adapters keep only their channel's own choices,
 * such as how to label a person's late reply.
 *
 * <p>Built with {@link #builder()}; copy with {@link #toBuilder()}:
 * <pre>{@code
 * ChannelCapabilities capabilities = ChannelCapabilities.builder()
 *     .maxTextLength(4096)
 *     .maxButtons(3)
 *     .templates(true)
 *     .replyWindow(Duration.ofHours(24))
 *     .build();
 * ChannelCapabilities narrow = capabilities.toBuilder().maxTextLength(1000).build();
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param maxTextLength the longest text message, in characters
 * @param maxButtons the most reply buttons on one message; 0 if the channel has none
 * @param maxButtonTitleLength the longest button title, in characters
 * @param maxListRows the most rows in a list message; 0 if the channel has no lists
 * @param maxQuickReplies the most quick replies; 0 if the channel has none
 * @param templates whether template messages exist (they may go outside the reply window)
 * @param reactions whether the business can react to messages
 * @param typingIndicator whether a typing indicator exists
 * @param readReceipts whether the business can mark messages as read
 * @param media the media kinds the channel can send
 * @param replyWindow how long after the customer's last message free-form messages may go
 * @param humanAgentWindow how long after the customer's last message a person's message may
 *     still go (Messenger and Instagram {@code HUMAN_AGENT} tag), when the channel has such a
 *     window; longer than the reply window
 * @param formatting how text is formatted on this channel, for the responder: for example
 *     {@code "*bold* _italic_"} or {@code "plain text"}
 */
public record ChannelCapabilities(
        int maxTextLength, int maxButtons, int maxButtonTitleLength, int maxListRows, int maxQuickReplies,
        boolean templates, boolean reactions, boolean typingIndicator, boolean readReceipts, Set<MediaKind> media,
        Duration replyWindow, Optional<Duration> humanAgentWindow, String formatting) {

    /**
     * Checks the fields and copies the set.
     *
     * @throws IllegalArgumentException if a limit is negative, the text length or reply window
     *     is not positive, or the human agent window is not longer than the reply window
     */
    public ChannelCapabilities {
        if (maxTextLength <= 0) {
            throw new IllegalArgumentException("maxTextLength must be positive, was " + maxTextLength);
        }
        if (maxButtons < 0 || maxButtonTitleLength < 0 || maxListRows < 0 || maxQuickReplies < 0) {
            throw new IllegalArgumentException("maxButtons, maxButtonTitleLength, maxListRows and maxQuickReplies "
                    + "must not be negative");
        }
        media = Set.copyOf(media);
        Objects.requireNonNull(replyWindow, "replyWindow");
        if (replyWindow.isNegative() || replyWindow.isZero()) {
            throw new IllegalArgumentException("replyWindow must be positive, was " + replyWindow);
        }
        Objects.requireNonNull(humanAgentWindow, "humanAgentWindow");
        if (humanAgentWindow.filter(window -> window.compareTo(replyWindow) <= 0).isPresent()) {
            throw new IllegalArgumentException("humanAgentWindow must be longer than replyWindow");
        }
        Objects.requireNonNull(formatting, "formatting");
    }

    /**
     * Starts a builder. Only {@link Builder#maxTextLength} and {@link Builder#replyWindow} are
     * required; the rest default to "the channel has none": no buttons, lists, quick replies,
     * templates, reactions, typing indicator, read receipts or media, no human agent window,
     * and {@code "plain text"} formatting.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Starts a builder holding these capabilities, to build a changed copy.
     *
     * @return a new builder with every value of this record
     */
    public Builder toBuilder() {
        Builder builder = new Builder()
                .maxTextLength(maxTextLength)
                .maxButtons(maxButtons)
                .maxButtonTitleLength(maxButtonTitleLength)
                .maxListRows(maxListRows)
                .maxQuickReplies(maxQuickReplies)
                .templates(templates)
                .reactions(reactions)
                .typingIndicator(typingIndicator)
                .readReceipts(readReceipts)
                .media(media)
                .replyWindow(replyWindow)
                .formatting(formatting);
        builder.humanAgentWindow = humanAgentWindow;
        return builder;
    }

    /** Builds {@link ChannelCapabilities}. Not thread-safe; build once and share the result. */
    public static final class Builder {

        private int maxTextLength;
        private int maxButtons;
        private int maxButtonTitleLength;
        private int maxListRows;
        private int maxQuickReplies;
        private boolean templates;
        private boolean reactions;
        private boolean typingIndicator;
        private boolean readReceipts;
        private Set<MediaKind> media = Set.of();
        private Duration replyWindow;
        private Optional<Duration> humanAgentWindow = Optional.empty();
        private String formatting = "plain text";

        private Builder() {
        }

        /**
         * Sets the longest text message (required).
         *
         * @param characters positive
         * @return this builder
         */
        public Builder maxTextLength(int characters) {
            this.maxTextLength = characters;
            return this;
        }

        /**
         * Sets the most reply buttons on one message (default 0: none).
         *
         * @param count zero or positive
         * @return this builder
         */
        public Builder maxButtons(int count) {
            this.maxButtons = count;
            return this;
        }

        /**
         * Sets the longest button title (default 0).
         *
         * @param characters zero or positive
         * @return this builder
         */
        public Builder maxButtonTitleLength(int characters) {
            this.maxButtonTitleLength = characters;
            return this;
        }

        /**
         * Sets the most rows in a list message (default 0: no lists).
         *
         * @param count zero or positive
         * @return this builder
         */
        public Builder maxListRows(int count) {
            this.maxListRows = count;
            return this;
        }

        /**
         * Sets the most quick replies (default 0: none).
         *
         * @param count zero or positive
         * @return this builder
         */
        public Builder maxQuickReplies(int count) {
            this.maxQuickReplies = count;
            return this;
        }

        /**
         * Sets whether template messages exist (default false); they may go outside the reply
         * window.
         *
         * @param available whether the channel has templates
         * @return this builder
         */
        public Builder templates(boolean available) {
            this.templates = available;
            return this;
        }

        /**
         * Sets whether the business can react to messages (default false).
         *
         * @param available whether the channel has reactions
         * @return this builder
         */
        public Builder reactions(boolean available) {
            this.reactions = available;
            return this;
        }

        /**
         * Sets whether a typing indicator exists (default false).
         *
         * @param available whether the channel has one
         * @return this builder
         */
        public Builder typingIndicator(boolean available) {
            this.typingIndicator = available;
            return this;
        }

        /**
         * Sets whether the business can mark messages as read (default false).
         *
         * @param available whether the channel has read receipts
         * @return this builder
         */
        public Builder readReceipts(boolean available) {
            this.readReceipts = available;
            return this;
        }

        /**
         * Sets the media kinds the channel can send (default none).
         *
         * @param kinds the kinds; copied
         * @return this builder
         */
        public Builder media(Set<MediaKind> kinds) {
            this.media = Set.copyOf(Objects.requireNonNull(kinds, "kinds"));
            return this;
        }

        /**
         * Sets how long after the customer's last message free-form messages may go (required).
         *
         * @param window positive
         * @return this builder
         */
        public Builder replyWindow(Duration window) {
            this.replyWindow = Objects.requireNonNull(window, "window");
            return this;
        }

        /**
         * Sets how long after the customer's last message a person's message may still go
         * (default: the channel has no such window).
         *
         * @param window longer than the reply window
         * @return this builder
         */
        public Builder humanAgentWindow(Duration window) {
            this.humanAgentWindow = Optional.of(Objects.requireNonNull(window, "window"));
            return this;
        }

        /**
         * Sets how text is formatted, for the responder (default {@code "plain text"}).
         *
         * @param description for example {@code "*bold* _italic_"}
         * @return this builder
         */
        public Builder formatting(String description) {
            this.formatting = Objects.requireNonNull(description, "description");
            return this;
        }

        /**
         * Builds the capabilities.
         *
         * @return the capabilities
         * @throws IllegalStateException if the text length or the reply window is missing
         * @throws IllegalArgumentException if a value is out of range (see the record's constructor)
         */
        public ChannelCapabilities build() {
            if (maxTextLength == 0) {
                throw new IllegalStateException("maxTextLength is required: call maxTextLength(...) with the "
                        + "channel's longest text message");
            }
            if (replyWindow == null) {
                throw new IllegalStateException("replyWindow is required: call replyWindow(...) with how long "
                        + "after the customer's last message the channel lets the business write");
            }
            return new ChannelCapabilities(maxTextLength, maxButtons, maxButtonTitleLength, maxListRows,
                    maxQuickReplies, templates, reactions, typingIndicator, readReceipts, media, replyWindow,
                    humanAgentWindow, formatting);
        }
    }
}
