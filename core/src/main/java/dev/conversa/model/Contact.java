package dev.conversa.model;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A person as seen on one channel of one tenant.
 *
 * @param tenant the business
 * @param channel the channel
 * @param externalId the person's id there (wa_id or business-scoped user id, PSID, IGSID)
 * @param name the display name, when known
 * @param username the user name, when known
 * @param phoneNumber the phone number, when known (WhatsApp users may hide it)
 * @param firstSeen when the person first wrote
 */
public record Contact(
        TenantId tenant, ChannelType channel, String externalId, Optional<String> name, Optional<String> username,
        Optional<String> phoneNumber, Instant firstSeen) {

    /** Checks the fields. */
    public Contact {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(channel, "channel");
        Ids.requireId(externalId, "externalId");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(phoneNumber, "phoneNumber");
        Objects.requireNonNull(firstSeen, "firstSeen");
    }

    /** Leaves out the personal data. */
    @Override
    public String toString() {
        return "Contact[" + tenant + ", " + channel + "]";
    }
}
