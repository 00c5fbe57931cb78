package dev.conversa.model;

import java.util.Objects;

/**
 * The customer mentioned the business in an Instagram story. The URL expires, and the story's
 * media must not be stored.
 *
 * @param url the story's expiring URL
 */
public record StoryMention(String url) implements MessageContent {

    /** Checks the URL is not null. */
    public StoryMention {
        Objects.requireNonNull(url, "url");
    }

    @Override
    public String kind() {
        return "story_mention";
    }

    @Override
    public String readableText() {
        return "";
    }
}
