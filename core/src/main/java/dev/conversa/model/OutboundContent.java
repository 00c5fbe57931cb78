package dev.conversa.model;

/**
 * What the business sends, independent of the channel. Each channel adapter renders it in its
 * own wire format, reading its {@code ChannelCapabilities}; content a channel cannot show is
 * degraded (a list becomes numbered text) or refused before any request with a clear error.
 *
 * <p>{@link Text}, {@link Media}, {@link Location} and {@link Contacts} serve both directions.
 * All implementations are immutable records.
 */
public sealed interface OutboundContent
        permits Text, Media, Location, Contacts, Buttons, ListMenu, QuickReplies, CallToAction,
                Template, React, MarkRead, Typing {

    /**
     * A short, stable name of the kind of content, such as {@code "text"}.
     *
     * @return the kind
     */
    String kind();

    /**
     * Tells whether this content is a message the customer sees in the thread, as opposed to a
     * marker such as typing or read receipts, which are not stored as messages.
     *
     * @return true for messages
     */
    default boolean isMessage() {
        return true;
    }
}
