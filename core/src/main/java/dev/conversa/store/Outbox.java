package dev.conversa.store;

import dev.conversa.model.ConversationKey;
import dev.conversa.model.OutboundMessage;
import dev.conversa.model.TenantId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The durable queue of messages to send. A message is recorded with an idempotency key before
 * it is sent; a worker claims it (it stays {@link OutboxState#PENDING}, under a lease), prepares
 * the send (account, pacing, media upload), marks it {@link OutboxState#SENDING} in its own step
 * right before the request ({@link #markSending}), and marks it sent with the channel's id just
 * after. Meta's Send API has no idempotency key, so an entry found still {@code SENDING} after
 * its lease expired becomes {@link OutboxState#SEND_UNCERTAIN} and is never resent
 * automatically; an entry whose worker stopped before {@code markSending} is simply claimed
 * again. The runtime does not mark markers (typing, read receipts) {@code SENDING}: sent twice
 * they do no harm.
 *
 * <p>Ordering: at most one entry of a conversation is claimed at any time (pending under a live
 * lease, or sending), oldest first. Implementations are thread-safe.
 */
public interface Outbox {

    /**
     * Records a message to send, once per idempotency key.
     *
     * @param tenant the business
     * @param message the message
     * @param idempotencyKey unique per logical send within the tenant, such as the inbox entry
     *     that produced it plus the message's position
     * @param now the current time
     * @return the new entry, or the existing one with that key
     */
    default OutboxEntry enqueue(TenantId tenant, OutboundMessage message, String idempotencyKey, Instant now) {
        return enqueue(tenant, message, idempotencyKey, false, now);
    }

    /**
     * Records a message to send, once per idempotency key, saying whether it is the responder's
     * last message before a handoff ({@link OutboxEntry#completesHandoff()}).
     *
     * @param tenant the business
     * @param message the message
     * @param idempotencyKey unique per logical send within the tenant
     * @param completesHandoff whether sending it completes the responder's handoff
     * @param now the current time
     * @return the new entry, or the existing one with that key (with the flag it was queued with)
     */
    OutboxEntry enqueue(TenantId tenant, OutboundMessage message, String idempotencyKey, boolean completesHandoff,
            Instant now);

    /**
     * Claims due pending entries, at most one per conversation, for {@code lease}: they stay
     * {@link OutboxState#PENDING} with a fencing token until {@link #markSending}, and a claim
     * whose lease expired before that is claimed again. The claim counts the attempt. Before
     * claiming, entries still {@code SENDING} whose lease expired become
     * {@link OutboxState#SEND_UNCERTAIN}.
     *
     * @param worker a name for the claiming worker
     * @param max the most to claim
     * @param lease how long the claim holds
     * @param now the current time
     * @return the claimed entries with their fencing tokens, oldest first
     */
    List<OutboxEntry> claim(String worker, int max, Duration lease, Instant now);

    /**
     * Claims the next entry of one conversation, as {@link #claim} would hand it out, without
     * looking at any other conversation: its first open entry, when that one is pending, due and
     * not claimed under a live lease, and no entry of the conversation is being sent. The outbox
     * sender calls it in the unit of work that records an entry as sent, so a reply of several
     * messages (a typing indicator, then the text) costs one claim, not one per message; the
     * claim counts the attempt, as {@link #claim} does. Joins the running {@link UnitOfWork}.
     *
     * <p>The default claims nothing: the entry is then found by the next {@link #claim}.
     *
     * @param worker a name for the claiming worker
     * @param tenant the business
     * @param conversation the conversation
     * @param lease how long the claim holds
     * @param now the current time
     * @return the claimed entry with its fencing token, or empty
     */
    default Optional<OutboxEntry> claimNext(String worker, TenantId tenant, ConversationKey conversation,
            Duration lease, Instant now) {
        return Optional.empty();
    }

    /**
     * Marks a claimed entry {@link OutboxState#SENDING}: the next step is the request that may
     * deliver it. From here, a worker that stops leaves the entry {@code SEND_UNCERTAIN}. The
     * lease is renewed to {@code now + lease}.
     *
     * @param entry the entry as claimed
     * @param lease how long the claim holds from now
     * @param now the current time
     * @return the entry as it is now, {@code SENDING} under the same fence
     * @throws LeaseLostException if the entry is no longer claimed under the entry's fence
     */
    OutboxEntry markSending(OutboxEntry entry, Duration lease, Instant now);

    /**
     * Extends a claim, pending or sending, to {@code now + lease} while its work runs.
     *
     * @param entry the entry as claimed
     * @param lease how long the claim holds from now
     * @param now the current time
     * @throws LeaseLostException if the entry is no longer claimed under the entry's fence
     */
    void renew(OutboxEntry entry, Duration lease, Instant now);

    /**
     * Marks a claimed entry sent and claims the next entry of its conversation, as {@link
     * #claimNext} would, in the running {@link UnitOfWork}: the outbox sender records a send this
     * way, so that a store which learns from the first step that nothing else waits in the
     * conversation can skip the claim. The default runs the two methods.
     *
     * @param entry the entry as claimed
     * @param channelMessageId the channel's id, empty for markers
     * @param worker a name for the claiming worker
     * @param lease how long the next entry's claim holds
     * @param now the current time
     * @return the next entry, claimed with its fencing token, or empty
     * @throws LeaseLostException if the lease expired meanwhile
     */
    default Optional<OutboxEntry> markSentAndClaimNext(OutboxEntry entry, Optional<String> channelMessageId,
            String worker, Duration lease, Instant now) {
        markSent(entry, channelMessageId, now);
        return claimNext(worker, entry.tenant(), entry.message().to(), lease, now);
    }

    /**
     * Marks a claimed entry sent.
     *
     * @param entry the entry as claimed
     * @param channelMessageId the channel's id, empty for markers
     * @param now the current time
     * @throws LeaseLostException if the lease expired meanwhile
     */
    void markSent(OutboxEntry entry, Optional<String> channelMessageId, Instant now);

    /**
     * Gives a claimed entry back after a retryable failure, for another attempt from
     * {@code notBefore}.
     *
     * @param entry the entry as claimed
     * @param notBefore when to try again
     * @param error the failure, without personal data
     * @throws LeaseLostException if the lease expired meanwhile
     */
    void retry(OutboxEntry entry, Instant notBefore, String error);

    /**
     * Gives a claimed entry back without counting the claim as an attempt, for a send that was
     * not tried: its account is parked (its access token was refused, Meta throttles it) and
     * the entry waits until {@code notBefore}, when the sender looks again. It holds back the
     * later entries of its conversation like a retry does.
     *
     * @param entry the entry as claimed
     * @param notBefore when to look again
     * @param reason why it waits, without personal data
     * @throws LeaseLostException if the lease expired meanwhile
     */
    void postpone(OutboxEntry entry, Instant notBefore, String reason);

    /**
     * Marks a claimed entry failed for good.
     *
     * @param entry the entry as claimed
     * @param error the failure, without personal data
     * @throws LeaseLostException if the lease expired meanwhile
     */
    void markDead(OutboxEntry entry, String error);

    /**
     * Marks a claimed entry {@link OutboxState#SEND_UNCERTAIN}: the request may have reached the
     * channel, but no answer came back (a timeout or a connection lost mid-request). Meta's Send
     * API has no idempotency key, so such an entry is never resent automatically; it stays
     * visible to the host, and the conversation's next entries go on.
     *
     * @param entry the entry as claimed
     * @param error the failure, without personal data
     * @throws LeaseLostException if the lease expired meanwhile
     */
    void markUncertain(OutboxEntry entry, String error);

    /**
     * Finds an entry by id.
     *
     * @param tenant the business
     * @param id the entry's id
     * @return the entry, when it exists
     */
    Optional<OutboxEntry> find(TenantId tenant, long id);

    /**
     * Lists a conversation's entries that are {@link OutboxState#SENDING} now: requested from
     * the channel, its answer not yet recorded. An echo or a status webhook can overtake that
     * answer; these are the messages it may be about.
     *
     * @param tenant the business
     * @param conversation the conversation
     * @return the entries, oldest first
     */
    List<OutboxEntry> sending(TenantId tenant, ConversationKey conversation);

    /**
     * Lists a tenant's entries in a state, oldest first.
     *
     * @param tenant the business
     * @param state the state
     * @param limit the most to return
     * @return the entries
     */
    List<OutboxEntry> list(TenantId tenant, OutboxState state, int limit);

    /**
     * Counts entries by state, over every tenant (for health checks and queue depth).
     *
     * @return the number of entries in each state; every state is a key, with 0 when none is in it
     */
    Map<OutboxState, Long> countByState();

    /**
     * Removes every entry of a conversation (erasure).
     *
     * @param tenant the business
     * @param conversation the conversation
     * @return how many were removed
     */
    int deleteConversation(TenantId tenant, ConversationKey conversation);

    /**
     * Removes up to {@code limit} finished entries ({@link OutboxState#SENT}, {@link
     * OutboxState#DEAD}, {@link OutboxState#SEND_UNCERTAIN}) of the scope, enqueued at or before
     * {@code cutoff}, in one transaction. Pending and sending entries are never removed.
     *
     * @param scope the tenants covered
     * @param cutoff finished entries enqueued at or before this time are removed
     * @param limit the most to remove, at least 1
     * @return how many were removed
     * @throws IllegalArgumentException if the limit is below 1
     */
    int purgeFinished(PurgeScope scope, Instant cutoff, int limit);
}
