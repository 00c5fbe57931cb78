package dev.conversa.model;

import java.util.Objects;
import java.util.Optional;

/**
 * A notice from the channel about the customer, such as a changed phone number or identity. It
 * arrives as an {@link InboundMessage} but is not the customer writing: it is never answered, is
 * recorded in the audit log, and a notice with a {@code newContactId} moves the contact to that id.
 *
 * @param noticeType the channel's name for it, such as {@code "user_changed_number"}
 * @param body the channel's human-readable text
 * @param newContactId the customer's new id, when the notice carries one
 */
public record SystemNotice(String noticeType, String body, Optional<String> newContactId) implements MessageContent {

    /** Checks the fields are not null. */
    public SystemNotice {
        Objects.requireNonNull(noticeType, "noticeType");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(newContactId, "newContactId");
    }

    @Override
    public String kind() {
        return "system";
    }

    @Override
    public String readableText() {
        return "";
    }

    /** Leaves out the body and new id, which may hold a phone number. */
    @Override
    public String toString() {
        return "SystemNotice[" + noticeType + "]";
    }
}
