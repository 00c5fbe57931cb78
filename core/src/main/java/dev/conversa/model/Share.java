package dev.conversa.model;

import java.util.Objects;
import java.util.Optional;

/**
 * The customer shared a post, reel or link.
 *
 * @param shareKind what was shared, as the channel names it ({@code "share"}, {@code "ig_reel"},
 *     {@code "reel"}, {@code "ig_post"}, ...)
 * @param url the shared item's URL
 * @param title its title, when sent
 */
public record Share(String shareKind, String url, Optional<String> title) implements MessageContent {

    /** Checks the fields are not null. */
    public Share {
        Objects.requireNonNull(shareKind, "shareKind");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(title, "title");
    }

    @Override
    public String kind() {
        return "share";
    }

    @Override
    public String readableText() {
        return title.orElse("");
    }
}
