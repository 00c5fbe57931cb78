package dev.conversa.model;

import java.util.Objects;
import java.util.Optional;

/**
 * The customer linked or unlinked their account on the business's site with their channel
 * identity (Messenger's {@code account_linking}).
 *
 * @param header where, who, which id, when
 * @param linked true when linked, false when unlinked
 * @param authorizationCode the code the business's site passed through, for a link; a secret
 *     of the business, left out of {@link #toString()}
 */
public record AccountLinking(EventHeader header, boolean linked, Optional<String> authorizationCode)
        implements InboundEvent {

    /** Checks the fields are not null. */
    public AccountLinking {
        Objects.requireNonNull(header, "header");
        Objects.requireNonNull(authorizationCode, "authorizationCode");
    }

    @Override
    public String kind() {
        return "account_linking";
    }

    /** Leaves out the authorization code. */
    @Override
    public String toString() {
        return "AccountLinking[" + header.externalId() + ", linked=" + linked + "]";
    }
}
