package dev.conversa.conversation.internal;

import dev.conversa.lang.ConversaException;
import dev.conversa.model.Conversation;
import dev.conversa.model.ConversationKey;
import dev.conversa.model.TenantId;
import dev.conversa.store.ConversationStore;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * The one optimistic read-change-write of a conversation: read it, apply the change, store it
 * only if nobody else stored it meanwhile ({@link ConversationStore#update}), else read again.
 * Every writer of a conversation (ownership, the pipeline's RECORD and COALESCE steps) goes
 * through it.
 *
 * <p><b>Internal.</b> Immutable and thread-safe.
 */
public final class ConversationUpdates {

    /** How often a change is tried before giving up on a conversation that keeps changing. */
    static final int MAX_TRIES = 20;

    private final ConversationStore store;

    /**
     * Creates the loop over a store.
     *
     * @param store the conversations
     */
    public ConversationUpdates(ConversationStore store) {
        this.store = Objects.requireNonNull(store, "store");
    }

    /**
     * Applies a change to the stored conversation, opening it first if needed.
     *
     * @param tenant the business
     * @param key the conversation
     * @param now the current time
     * @param change returns its argument unchanged when there is nothing to write; may run more
     *     than once, so it must have no side effects
     * @return the conversation as stored afterwards
     * @throws ConversaException if the conversation kept changing during every attempt
     */
    public Conversation apply(TenantId tenant, ConversationKey key, Instant now, UnaryOperator<Conversation> change) {
        return loop(() -> Optional.of(store.getOrOpen(tenant, key, now)), change).orElseThrow();
    }

    /**
     * Like {@link #apply}, starting from a copy of the conversation read or written earlier
     * (in this unit of work, or before a responder ran) instead of reading it again. The copy may
     * be stale: a write from it
     * is refused by its version ({@link ConversationStore#update}), and a change that would leave
     * it as it is decides nothing, so in both cases the change is applied again to the
     * conversation read afresh. So a current copy saves the read, and a stale one costs only
     * that read again.
     *
     * @param tenant the business
     * @param key the conversation
     * @param now the current time
     * @param known the conversation as last seen; ignored unless it is this tenant's and key's
     * @param change as for {@link #apply}
     * @return the conversation as stored afterwards
     * @throws ConversaException if the conversation kept changing during every attempt
     */
    public Conversation apply(TenantId tenant, ConversationKey key, Instant now, Optional<Conversation> known,
            UnaryOperator<Conversation> change) {
        return fromCopy(tenant, key, known, change).orElseGet(() -> apply(tenant, key, now, change));
    }

    /**
     * Like {@link #applyIfExists(TenantId, ConversationKey, UnaryOperator)}, starting from a copy
     * as {@link #apply(TenantId, ConversationKey, Instant, Optional, UnaryOperator)} does; a
     * conversation deleted since the copy was read stays deleted.
     *
     * @param tenant the business
     * @param key the conversation
     * @param known the conversation as last seen; ignored unless it is this tenant's and key's
     * @param change as for {@link #apply}
     * @return the conversation as stored afterwards, or empty if it does not exist
     * @throws ConversaException if the conversation kept changing during every attempt
     */
    public Optional<Conversation> applyIfExists(TenantId tenant, ConversationKey key, Optional<Conversation> known,
            UnaryOperator<Conversation> change) {
        Optional<Conversation> stored = fromCopy(tenant, key, known, change);
        return stored.isPresent() ? stored : applyIfExists(tenant, key, change);
    }

    /** The change written from the copy, or empty when there is no usable copy or the write was refused. */
    private Optional<Conversation> fromCopy(TenantId tenant, ConversationKey key, Optional<Conversation> known,
            UnaryOperator<Conversation> change) {
        Optional<Conversation> copy = known.filter(c -> c.tenant().equals(tenant) && c.key().equals(key));
        if (copy.isEmpty()) {
            return Optional.empty();
        }
        Conversation changed = change.apply(copy.get());
        return changed == copy.get() ? Optional.empty() : store.update(changed);
    }

    /**
     * Like {@link #apply}, but leaves a conversation that does not exist alone.
     *
     * @param tenant the business
     * @param key the conversation
     * @param change as for {@link #apply}
     * @return the conversation as stored afterwards, or empty if it does not exist
     * @throws ConversaException if the conversation kept changing during every attempt
     */
    public Optional<Conversation> applyIfExists(TenantId tenant, ConversationKey key,
            UnaryOperator<Conversation> change) {
        return loop(() -> store.find(tenant, key), change);
    }

    private Optional<Conversation> loop(Supplier<Optional<Conversation>> read,
            UnaryOperator<Conversation> change) {
        for (int i = 0; i < MAX_TRIES; i++) {
            Optional<Conversation> current = read.get();
            if (current.isEmpty()) {
                return current;
            }
            Conversation changed = change.apply(current.get());
            if (changed == current.get()) {
                return current;
            }
            Optional<Conversation> stored = store.update(changed);
            if (stored.isPresent()) {
                return stored;
            }
        }
        throw new ConversaException("conversation kept changing during " + MAX_TRIES + " update attempts");
    }
}
