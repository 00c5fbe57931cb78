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

    /**
     * Counts one responder turn of the conversation's customer in the budget window that starts
     * at {@code window}, if fewer than {@code allowed} turns are counted in it; otherwise marks the
     * customer as told of the refusal, once per window. The counts are kept with the
     * conversation, so they are shared by every instance using the stores and removed with the
     * conversation (erasure, retention); a window other than the stored one starts again at zero.
     * One conversation's turns are taken by its lane, one at a time; each call is atomic all the
     * same. Joins the running {@link UnitOfWork}.
     *
     * @param tenant the business
     * @param key the conversation, whose customer spends the turn
     * @param window the start of the current window
     * @param allowed the turns the customer may have in the window; 0 when none may be taken
     *     (the tenant's turns are spent)
     * @return {@link SenderTurn#TAKEN} when counted (also when the conversation does not exist,
     *     which nothing then limits), else {@link SenderTurn#REFUSED_FIRST} on the window's first
     *     refusal and {@link SenderTurn#REFUSED} after it
     * @throws IllegalArgumentException if {@code allowed} is negative
     */
    SenderTurn takeTurn(TenantId tenant, ConversationKey key, Instant window, int allowed);

    /**
     * Grants up to {@code wanted} of the tenant's responder turns of the window that starts at
     * {@code window}, of which at most {@code limit} are granted in all, over every instance
     * using the stores. The caller spends what it was granted on its own; the counts of earlier
     * windows are removed. The count holds no personal data. Commits on its own, even inside a
     * {@link UnitOfWork} (a grant that rolled back after its turns were spent would let them be
     * granted twice).
     *
     * @param tenant the business
     * @param window the start of the current window
     * @param wanted the turns asked for, at least 1
     * @param limit the tenant's turns per window, at least 1
     * @return the turns granted, from 0 (all spent) to {@code wanted}
     * @throws IllegalArgumentException if {@code wanted} or {@code limit} is below 1
     */
    int grantTenantTurns(TenantId tenant, Instant window, int wanted, int limit);

    /**
     * Removes, in one transaction, up to {@code limit} conversations of the scope whose last
     * interaction is at or before {@code cutoff}, with everything keyed to them: their messages
     * and part ids, their parked inbox entries, their finished outbox entries, their lane rows,
     * their agents' notes and queue assignment ({@link AgentStore}), and the contact when no
     * other conversation of that person on that channel remains. The last interaction is the
     * later of the conversation's {@link Conversation#updatedAt()} and its newest message's time.
     * A conversation with work in flight (an inbox entry pending or claimed, a pending reply
     * task, an outbox entry pending or sending) is left as it is, and so
     * are its completed inbox entries, which hold no event and keep deduplicating redeliveries
     * until {@link Inbox#purgeProcessed} removes them. Consent records are kept: they are the
     * proof of the person's choice (erasure removes them).
     *
     * <p>Implementations re-check every condition as they remove, so a conversation that comes
     * back to life meanwhile is left alone; stores used together ({@link Stores}) must see each
     * other's data for this (the in-memory stores of {@code InMemoryStores.create()} do).
     *
     * @param scope the tenants covered
     * @param cutoff conversations last active at or before this time are removed
     * @param limit the most conversations to remove, at least 1
     * @return how many conversations were removed
     * @throws IllegalArgumentException if the limit is below 1
     */
    int purgeIdle(PurgeScope scope, Instant cutoff, int limit);
}
