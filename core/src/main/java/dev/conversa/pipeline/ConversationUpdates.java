package dev.conversa.pipeline;

import dev.conversa.ConversaException;
import dev.conversa.model.Conversation;
import dev.conversa.model.ConversationKey;
import dev.conversa.model.TenantId;
import dev.conversa.store.ConversationStore;
import java.time.Instant;
import java.util.Optional;
import java.util.function.UnaryOperator;

/** Optimistic read-change-write of a conversation, reading again when another writer won. */
final class ConversationUpdates {

    private static final int MAX_TRIES = 20;

    private final ConversationStore store;

    ConversationUpdates(ConversationStore store) {
        this.store = store;
    }

    /**
     * Applies a change to the stored conversation, opening it first if needed.
     *
     * @param change returns its argument unchanged when there is nothing to write
     * @return the conversation as stored afterwards
     */
    Conversation apply(TenantId tenant, ConversationKey key, Instant now, UnaryOperator<Conversation> change) {
        for (int i = 0; i < MAX_TRIES; i++) {
            Conversation current = store.getOrOpen(tenant, key, now);
            Conversation changed = change.apply(current);
            if (changed == current) {
                return current;
            }
            Optional<Conversation> stored = store.update(changed);
            if (stored.isPresent()) {
                return stored.get();
            }
        }
        throw new ConversaException("conversation kept changing during " + MAX_TRIES + " update attempts");
    }

    /** Like {@link #apply}, but leaves a conversation that does not exist alone. */
    Optional<Conversation> applyIfExists(
            TenantId tenant, ConversationKey key, Instant now, UnaryOperator<Conversation> change) {
        if (store.find(tenant, key).isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(apply(tenant, key, now, change));
    }
}
