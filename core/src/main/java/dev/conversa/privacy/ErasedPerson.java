package dev.conversa.privacy;

import dev.conversa.model.ChannelType;
import dev.conversa.model.TenantId;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The person an erasure removed, as an {@link ErasureListener} needs them to erase its own
 * copies: every identity the library linked. {@link #toString()} shows only the tenant and the
 * hash. Immutable and thread-safe.
 *
 * @param tenant the business
 * @param identifierHash the keyed hash of the identifier the erasure was asked for, as in the
 *     {@link ErasureReport}
 * @param identities the person's ids per channel (wa_id or BSUID, PSID, IGSID)
 * @param phoneNumbers the person's phone numbers as E.164 digits without {@code +}
 * @param usernames the person's user names, lower case, without {@code @}
 */
public record ErasedPerson(
        TenantId tenant, String identifierHash, Map<ChannelType, Set<String>> identities, Set<String> phoneNumbers,
        Set<String> usernames) {

    /** Checks the fields and copies the collections. */
    public ErasedPerson {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(identifierHash, "identifierHash");
        identities = Map.copyOf(identities);
        phoneNumbers = Set.copyOf(phoneNumbers);
        usernames = Set.copyOf(usernames);
    }

    /**
     * Every channel id of the person, whatever the channel.
     *
     * @return the ids
     */
    public List<String> allIds() {
        return identities.values().stream().flatMap(Set::stream).distinct().sorted().toList();
    }

    /** Shows the tenant and the hash; never an identifier. */
    @Override
    public String toString() {
        return "ErasedPerson[" + tenant + ", " + identifierHash + "]";
    }
}
