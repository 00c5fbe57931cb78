package dev.conversa;

import dev.conversa.conversation.internal.Ownership;
import dev.conversa.lang.ConversaException;
import dev.conversa.model.Conversation;
import dev.conversa.model.ConversationKey;
import dev.conversa.model.ConversationState;
import dev.conversa.model.MessageRecord;
import dev.conversa.model.TenantId;
import dev.conversa.store.Stores;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;

/**
 * Reads conversations and their messages, and hands a conversation to a person or back to the
 * bot. Every method is scoped by tenant. Obtained from {@link Conversa#conversations()}.
 *
 * <pre>{@code
 * Conversations conversations = conversa.conversations();
 * for (Conversation waiting : conversations.list(tenant, ConversationState.WAITING_FOR_AGENT, 50)) {
 *     conversations.changeState(tenant, waiting.key(), ConversationState.WITH_AGENT);
 * }
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class Conversations {

    private final Stores stores;
    private final Ownership ownership;

    Conversations(Stores stores, Ownership ownership) {
        this.stores = stores;
        this.ownership = ownership;
    }

    /**
     * Lists a tenant's conversations, most recently updated first.
     *
     * @param tenant the business
     * @param limit the most to return, positive
     * @return the conversations
     */
    public List<Conversation> list(TenantId tenant, int limit) {
        return stores.conversations().list(Objects.requireNonNull(tenant, "tenant"), Optional.empty(), limit);
    }

    /**
     * Lists a tenant's conversations in one state, most recently updated first.
     *
     * @param tenant the business
     * @param state the state
     * @param limit the most to return, positive
     * @return the conversations
     */
    public List<Conversation> list(TenantId tenant, ConversationState state, int limit) {
        return stores.conversations().list(Objects.requireNonNull(tenant, "tenant"),
                Optional.of(Objects.requireNonNull(state, "state")), limit);
    }

    /**
     * Finds a conversation.
     *
     * @param tenant the business
     * @param key the conversation
     * @return the conversation, when it exists
     */
    public Optional<Conversation> find(TenantId tenant, ConversationKey key) {
        return stores.conversations().find(Objects.requireNonNull(tenant, "tenant"), Objects.requireNonNull(key, "key"));
    }

    /**
     * The latest messages of a conversation, oldest first.
     *
     * @param tenant the business
     * @param key the conversation
     * @param limit the most to return, positive
     * @return the messages
     */
    public List<MessageRecord> messages(TenantId tenant, ConversationKey key, int limit) {
        return stores.messages().history(Objects.requireNonNull(tenant, "tenant"), Objects.requireNonNull(key, "key"),
                limit);
    }

    /**
     * Sets who answers a conversation: {@code WITH_AGENT} when a person takes over (the bot
     * falls silent at once, and bot messages still waiting in the outbox are discarded),
     * {@code BOT} to give it back, {@code CLOSED} to finish it. Leaving {@code BOT} cancels a
     * pending bot reply; giving a conversation back to the bot while the customer's last message
     * is unanswered lets the bot answer it at once. The change is recorded in the audit log.
     *
     * @param tenant the business
     * @param key the conversation
     * @param state the new state
     * @return the conversation as stored
     * @throws NoSuchElementException if the conversation does not exist
     * @throws ConversaException if the conversation keeps changing concurrently
     */
    public Conversation changeState(TenantId tenant, ConversationKey key, ConversationState state) {
        return ownership.changeByHost(Objects.requireNonNull(tenant, "tenant"), Objects.requireNonNull(key, "key"),
                Objects.requireNonNull(state, "state"));
    }
}
