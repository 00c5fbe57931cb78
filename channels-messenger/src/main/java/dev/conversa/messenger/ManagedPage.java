package dev.conversa.messenger;

import dev.conversa.lang.Secret;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A Facebook Page that a person administers, as listed for a "connect your Page" flow.
 *
 * @param id the Page id
 * @param name the Page's name
 * @param accessToken the Page access token (long-lived when the user token was); never logged
 * @param tasks what the person may do on the Page, such as {@code MESSAGING} and {@code MANAGE}
 * @param instagram the Instagram professional account linked to the Page, when there is one
 */
public record ManagedPage(
        String id, String name, Secret accessToken, List<String> tasks, Optional<InstagramAccount> instagram) {

    /** Checks the fields and copies the list. */
    public ManagedPage {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(accessToken, "accessToken");
        tasks = List.copyOf(tasks);
        Objects.requireNonNull(instagram, "instagram");
    }

    /**
     * Whether the person may send messages as this Page.
     *
     * @return true when the tasks include {@code MESSAGING}
     */
    public boolean canMessage() {
        return tasks.contains("MESSAGING");
    }
}
