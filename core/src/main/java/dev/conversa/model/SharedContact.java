package dev.conversa.model;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A contact card shared in a message.
 *
 * @param formattedName the name as shown
 * @param phones phone numbers on the card
 * @param emails e-mail addresses on the card
 * @param organization the company, when given
 */
public record SharedContact(
        String formattedName, List<String> phones, List<String> emails, Optional<String> organization) {

    /** Checks the fields and copies the lists. */
    public SharedContact {
        Objects.requireNonNull(formattedName, "formattedName");
        phones = List.copyOf(phones);
        emails = List.copyOf(emails);
        Objects.requireNonNull(organization, "organization");
    }

    /** Leaves out the personal data. */
    @Override
    public String toString() {
        return "SharedContact[phones=" + phones.size() + ", emails=" + emails.size() + "]";
    }
}
