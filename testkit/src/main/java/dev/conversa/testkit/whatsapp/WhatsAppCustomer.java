package dev.conversa.testkit.whatsapp;

import java.util.Objects;
import java.util.Optional;

/**
 * A WhatsApp user as webhooks show them: by phone number ({@code wa_id}), by business-scoped
 * user id ({@code user_id}), or both, with a profile name and optional username.
 *
 * @param waId the phone number in international digits, when shown
 * @param userId the business-scoped user id, when sent
 * @param name the profile name
 * @param username the username, when set
 */
public record WhatsAppCustomer(Optional<String> waId, Optional<String> userId, String name, Optional<String> username) {

    /**
     * Checks that the user has an id.
     *
     * @throws IllegalArgumentException if neither a phone number nor a user id is given
     */
    public WhatsAppCustomer {
        Objects.requireNonNull(waId, "waId");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(username, "username");
        if (waId.isEmpty() && userId.isEmpty()) {
            throw new IllegalArgumentException("a WhatsApp customer needs a wa_id or a user_id");
        }
    }

    /**
     * A user known by phone number.
     *
     * @param waId the phone number in international digits, without {@code +}
     * @param name the profile name
     * @return the customer
     */
    public static WhatsAppCustomer withPhone(String waId, String name) {
        return new WhatsAppCustomer(Optional.of(waId), Optional.empty(), name, Optional.empty());
    }

    /**
     * A user who hides the phone number: known by business-scoped user id and username.
     *
     * @param userId the business-scoped user id, such as {@code US.13491208655302741918}
     * @param name the profile name
     * @param username the username
     * @return the customer
     */
    public static WhatsAppCustomer withoutPhone(String userId, String name, String username) {
        return new WhatsAppCustomer(Optional.empty(), Optional.of(userId), name, Optional.of(username));
    }

    /** Leaves out the personal data. */
    @Override
    public String toString() {
        return "WhatsAppCustomer[phone=" + waId.isPresent() + ", userId=" + userId.isPresent() + "]";
    }
}
