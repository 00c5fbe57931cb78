package dev.conversa.model;

import java.util.Objects;

/**
 * A structured message (a Messenger template: button, generic, receipt, airline and others) that
 * arrived as an attachment, such as one the customer forwarded or the business sent from another
 * app. It is kept with its type, a short summary to read in the history, and its raw JSON.
 *
 * @param templateType the channel's name for the template, such as {@code "button"},
 *     {@code "receipt"} or {@code "airline_itinerary"}; {@code "template"} when it names none
 * @param summary what a person would read first: the template's text or introduction, or its
 *     elements' titles; never the recipient's name, address or payment details; may be empty
 * @param rawJson the attachment's JSON exactly as the channel sent it
 */
public record TemplateAttachment(String templateType, String summary, String rawJson) implements MessageContent {

    /** Checks the fields are not null. */
    public TemplateAttachment {
        Objects.requireNonNull(templateType, "templateType");
        Objects.requireNonNull(summary, "summary");
        Objects.requireNonNull(rawJson, "rawJson");
    }

    @Override
    public String kind() {
        return "template_attachment";
    }

    @Override
    public String readableText() {
        return summary;
    }

    /** Leaves out the summary and the raw JSON, which may hold personal data. */
    @Override
    public String toString() {
        return "TemplateAttachment[" + templateType + "]";
    }
}
