package dev.conversa.model;

import java.util.Objects;

/**
 * The customer replied to one of the business's Instagram stories.
 *
 * @param storyId the story's id
 * @param url the story's expiring URL
 * @param text what the customer wrote
 */
public record StoryReply(String storyId, String url, String text) implements MessageContent {

    /** Checks the fields are not null. */
    public StoryReply {
        Objects.requireNonNull(storyId, "storyId");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(text, "text");
    }

    @Override
    public String kind() {
        return "story_reply";
    }

    @Override
    public String readableText() {
        return text;
    }

    /** Leaves out the text. */
    @Override
    public String toString() {
        return "StoryReply[" + text.length() + " chars]";
    }
}
