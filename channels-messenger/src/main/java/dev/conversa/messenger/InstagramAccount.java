package dev.conversa.messenger;

import java.util.Objects;
import java.util.Optional;

/**
 * An Instagram professional account linked to a Facebook Page.
 *
 * @param id the Instagram account id, which Instagram webhooks carry as the entry id
 * @param username the account's username, when Meta returned it
 */
public record InstagramAccount(String id, Optional<String> username) {

    /** Checks the fields are not null. */
    public InstagramAccount {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(username, "username");
    }
}
