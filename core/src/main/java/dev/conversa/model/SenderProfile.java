package dev.conversa.model;

import java.util.Objects;
import java.util.Optional;

/**
 * What the channel told us about the customer with a message. A WhatsApp user may hide the
 * phone number, so every part is optional.
 *
 * @param name the display name
 * @param username the user name (Instagram, WhatsApp usernames)
 * @param phoneNumber the phone number in international digits without {@code +}
 */
public record SenderProfile(Optional<String> name, Optional<String> username, Optional<String> phoneNumber) {

    /** A profile with nothing known. */
    public static final SenderProfile UNKNOWN = new SenderProfile(Optional.empty(), Optional.empty(), Optional.empty());

    /** Checks the fields are not null. */
    public SenderProfile {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(phoneNumber, "phoneNumber");
    }

    /** Leaves out the personal data. */
    @Override
    public String toString() {
        return "SenderProfile[name=" + name.isPresent() + ", username=" + username.isPresent()
                + ", phone=" + phoneNumber.isPresent() + "]";
    }
}
