package dev.conversa.agent;

import dev.conversa.model.ConversationKey;
import dev.conversa.model.TenantId;
import java.time.Instant;
import java.util.Objects;

/**
 * An internal note an agent wrote on a conversation, for other agents. It never reaches the
 * customer: it is not a message, not in the history and never queued for sending. Erased with
 * the person. {@link #toString()} leaves the text out.
 *
 * @param tenant the business
 * @param conversation the conversation
 * @param id the note's id
 * @param agent the id of the agent who wrote it
 * @param text the note
 * @param createdAt when it was written
 */
public record Note(TenantId tenant, ConversationKey conversation, String id, String agent, String text,
        Instant createdAt) {

    /** Checks the fields are not null and the text not blank. */
    public Note {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(conversation, "conversation");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(agent, "agent");
        Objects.requireNonNull(text, "text");
        if (text.isBlank()) {
            throw new IllegalArgumentException("text must not be blank");
        }
        Objects.requireNonNull(createdAt, "createdAt");
    }

    @Override
    public String toString() {
        return "Note[id=" + id + ", agent=" + agent + ", createdAt=" + createdAt + "]";
    }
}
