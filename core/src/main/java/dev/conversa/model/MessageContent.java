package dev.conversa.model;

/**
 * What a customer's message (or an echo of the business's own message) contains. Hosts
 * {@code switch} over the permitted records; content this version cannot read arrives as
 * {@link UnsupportedContent} with its raw JSON, never dropped.
 *
 * <p>All implementations are immutable records.
 */
public sealed interface MessageContent
        permits Text, Media, Location, Contacts, InteractiveReply, StoryMention, StoryReply, Share,
                Order, SystemNotice, UnsupportedContent, ProductShare, TemplateAttachment {

    /**
     * A short, stable name of the kind of content, such as {@code "text"} or {@code "image"},
     * for storage and display.
     *
     * @return the kind
     */
    String kind();

    /**
     * The text a person would read in this content (a text body, a caption, a button title),
     * used for history and for the responder.
     *
     * @return the readable text, or an empty string when there is none
     */
    String readableText();
}
