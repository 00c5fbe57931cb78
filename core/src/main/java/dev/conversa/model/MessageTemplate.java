package dev.conversa.model;

import java.util.Objects;
import java.util.Optional;

/**
 * One message template of a business account's catalogue (a WhatsApp Business Account's
 * {@code message_templates}), as the channel last said: from its template list, or from a
 * webhook that changed its status or category. A template is known by name and language.
 *
 * @param name the template's name
 * @param language its language code, such as {@code "en_US"}
 * @param status the channel's status, such as {@code "APPROVED"}, {@code "PAUSED"},
 *     {@code "REJECTED"}, {@code "DISABLED"}; only {@value #APPROVED} templates may be sent
 * @param category its category ({@code "MARKETING"}, {@code "UTILITY"}, {@code "AUTHENTICATION"}),
 *     when known
 * @param bodyParameters how many parameters its body takes, when known (a template learnt only
 *     from a webhook has no count until the list is read)
 * @param id the channel's id of the template, when known
 */
public record MessageTemplate(
        String name, String language, String status, Optional<String> category, Optional<Integer> bodyParameters,
        Optional<String> id) {

    /** The status of a template that may be sent. */
    public static final String APPROVED = "APPROVED";

    /** Checks the fields. */
    public MessageTemplate {
        Ids.requireId(name, "name");
        Ids.requireId(language, "language");
        Ids.requireId(status, "status");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(bodyParameters, "bodyParameters");
        Objects.requireNonNull(id, "id");
        if (bodyParameters.filter(count -> count < 0).isPresent()) {
            throw new IllegalArgumentException("bodyParameters must not be negative");
        }
    }

    /**
     * Whether the template may be sent.
     *
     * @return true when its status is {@value #APPROVED}
     */
    public boolean isApproved() {
        return APPROVED.equals(status);
    }

    /**
     * The same template with another status.
     *
     * @param newStatus the status
     * @return the changed copy
     */
    public MessageTemplate withStatus(String newStatus) {
        return new MessageTemplate(name, language, newStatus, category, bodyParameters, id);
    }

    /**
     * The same template in another category.
     *
     * @param newCategory the category
     * @return the changed copy
     */
    public MessageTemplate withCategory(String newCategory) {
        return new MessageTemplate(name, language, status, Optional.of(newCategory), bodyParameters, id);
    }
}
