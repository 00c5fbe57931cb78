package dev.conversa.store;

import dev.conversa.model.Conversation;
import dev.conversa.model.ConversationKey;
import dev.conversa.model.ConversationState;
import dev.conversa.model.TenantId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Conversations and who answers them. Updates are optimistic: {@link #update} succeeds only if
 * nobody changed the conversation since it was read. Implementations are thread-safe.
 */
public interface ConversationStore {

    /**
     * Returns the conversation, opening it (answered by the bot) if it does not exist.
     *
     * @param tenant the business
     * @param key the conversation
     * @param now the time, used when opening
     * @return the stored conversation
     */
    Conversation getOrOpen(TenantId tenant, ConversationKey key, Instant now);

    /**
     * Finds a conversation.
     *
     * @param tenant the business
     * @param key the conversation
     * @return the conversation, when it exists
     */
    Optional<Conversation> find(TenantId tenant, ConversationKey key);

    /**
     * Replaces a conversation if its stored version is still {@code conversation.version()}.
     *
     * @param conversation the new state, carrying the version it was read at
     * @return the stored conversation with its version incremented, or empty if it changed
     *     meanwhile (read it again and retry) or does not exist
     */
    Optional<Conversation> update(Conversation conversation);

    /**
     * Lists a tenant's conversations, most recently updated first.
     *
     * @param tenant the business
     * @param state only conversations in this state, or empty for all
     * @param limit the most to return
     * @return the conversations
     */
    List<Conversation> list(TenantId tenant, Optional<ConversationState> state, int limit);

    /**
     * Removes a conversation.
     *
     * @param tenant the business
     * @param key the conversation
     * @return true if it existed
     */
    boolean delete(TenantId tenant, ConversationKey key);
}
