package dev.conversa.store;

import dev.conversa.model.ConversationKey;
import dev.conversa.model.InboundEvent;
import dev.conversa.model.TenantId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The durable queue between the webhook and the dispatcher. The webhook is acknowledged only
 * after {@link #append} returns; the dispatcher then claims work one conversation at a time.
 *
 * <p>Ordering: at most one entry of a conversation is claimed at any time, across every
 * instance sharing the store. Among a conversation's pending entries, {@link #claim} returns the
 * oldest due one; an event entry holds back every later entry of its conversation, a reply task
 * that is not yet due holds back nothing.
 *
 * <p>Implementations are thread-safe.
 */
public interface Inbox {

    /**
     * Records events durably, all or none, dropping those already recorded: an event is the
     * same as another if tenant, channel, account and external id are equal. Completed entries
     * keep deduplicating until {@link #purgeCompleted} removes them.
     *
     * @param tenant the business the events belong to
     * @param events the events, in order
     * @param now the time of arrival
     * @return the entries created, in order; events already recorded are left out
     */
    List<InboxEntry> append(TenantId tenant, List<InboundEvent> events, Instant now);

    /**
     * Schedules the bot's reply in a conversation. A conversation has at most one pending reply
     * task: scheduling again moves the pending one to the new time.
     *
     * @param tenant the business
     * @param conversation the conversation
     * @param due when to reply
     * @param now the current time
     */
    void scheduleReply(TenantId tenant, ConversationKey conversation, Instant due, Instant now);

    /**
     * Tells whether any entry of a conversation waits to be claimed: an event, a reply task or a
     * timer, due or not, including one given back to be tried again later; entries claimed,
     * completed or parked do not count. The pipeline asks it before it answers a reply due at
     * once in the pass of the message that made it due: with nothing waiting, a reply task
     * scheduled now would be the conversation's next work anyway.
     *
     * <p>The default answers true, as if something waited: the pipeline then schedules a reply
     * task, which is correct, only slower.
     *
     * @param tenant the business
     * @param conversation the conversation
     * @return whether an entry of the conversation is pending
     */
    default boolean hasWaiting(TenantId tenant, ConversationKey conversation) {
        return true;
    }

    /**
     * Schedules a durable timer of a conversation: a check of its queue's SLA
     * ({@link InboxEntry#timer()}). A conversation has at most one pending timer: scheduling
     * again moves the pending one only to an earlier time (the check finds out what is due and
     * schedules the next one). Like a reply task, a timer not yet due holds back nothing.
     *
     * @param tenant the business
     * @param conversation the conversation
     * @param due when to check
     * @param now the current time
     */
    void scheduleTimer(TenantId tenant, ConversationKey conversation, Instant due, Instant now);

    /**
     * Claims due work, at most one entry per conversation, for {@code lease}. The claim counts
     * as an attempt, so an entry whose processing stops the process is seen with a growing
     * {@link InboxEntry#attempts()} and can be parked like any other failure.
     *
     * @param worker a name for the claiming worker, for diagnostics
     * @param max the most entries to claim
     * @param lease how long the claim holds; an entry not completed by then is claimed again
     * @param now the current time
     * @return the claimed entries with their fencing tokens, oldest first
     */
    List<InboxEntry> claim(String worker, int max, Duration lease, Instant now);

    /**
     * Claims, for the worker that holds {@code held}, the delivery statuses that come next in the
     * held entry's conversation, so that a batch of statuses (a webhook may carry a thousand) is
     * handled and completed together rather than one claim and one commit each. The run is the
     * conversation's entries after {@code held} in id order, as long as each is pending, due and
     * a delivery status ({@link InboxEntry#isDeliveryStatus()}); it ends at the first that is not
     * (a message, a reply task, a timer, a claimed or a deferred entry), so order holds. The
     * entries are claimed as by {@link #claim}, each with its own fence, lease and attempt.
     *
     * <p>The default claims nothing: an inbox that does not implement it hands statuses out one
     * by one through {@link #claim}, which is correct, only slower.
     *
     * @param worker a name for the claiming worker, for diagnostics
     * @param held an entry this worker holds, as claimed
     * @param max the most entries to claim
     * @param lease how long the claims hold
     * @param now the current time
     * @return the claimed entries, in id order; empty when {@code held} is no longer claimed under
     *     its fence and lease, or when the run is empty
     */
    default List<InboxEntry> claimStatusRun(String worker, InboxEntry held, int max, Duration lease, Instant now) {
        return List.of();
    }

    /**
     * Extends a claim to {@code now + lease}, while its work runs: a worker renews the leases of
     * the entries it holds at a fraction of the lease, so slow work (a model's tool loop, a Graph
     * call with backoff) keeps its entry, and a stopped worker's entries are free again soon.
     *
     * @param entry the entry as claimed
     * @param lease how long the claim holds from now
     * @param now the current time
     * @throws LeaseLostException if the entry is no longer claimed under the entry's fence
     */
    void renew(InboxEntry entry, Duration lease, Instant now);

    /**
     * Marks a claimed entry done and drops its event (names, phone numbers, message text): only
     * what deduplicates a redelivery stays, until {@link #purgeProcessed} removes it.
     *
     * @param entry the entry as claimed
     * @param now the current time
     * @throws LeaseLostException if the lease expired and another claim took the entry
     */
    void complete(InboxEntry entry, Instant now);

    /**
     * Gives a claimed entry back after a failure, to be claimed again from {@code notBefore}.
     *
     * @param entry the entry as claimed
     * @param notBefore when it may be claimed again
     * @param reason why it failed, without personal data
     * @throws LeaseLostException if the lease expired and another claim took the entry
     */
    void retry(InboxEntry entry, Instant notBefore, String reason);

    /**
     * Sets a claimed entry aside after its last attempt: it is no longer claimed, no longer
     * holds back its conversation, and stays visible through {@link #parked}.
     *
     * @param entry the entry as claimed
     * @param reason why, without personal data
     * @throws LeaseLostException if the lease expired and another claim took the entry
     */
    void park(InboxEntry entry, String reason);

    /**
     * Lists a tenant's parked entries, oldest first.
     *
     * @param tenant the business
     * @param limit the most to return
     * @return the entries
     */
    List<InboxEntry> parked(TenantId tenant, int limit);

    /**
     * Counts entries not yet completed or parked, over every tenant (for health checks).
     *
     * @return the number of pending entries
     */
    long pendingCount();

    /**
     * Counts parked entries, over every tenant (for health checks).
     *
     * @return the number of parked entries
     */
    long parkedCount();

    /**
     * Tells when the oldest entry not yet completed or parked was recorded, over every tenant
     * (for health checks): how long the oldest work has waited.
     *
     * @return the time the oldest pending entry was appended or scheduled, empty when none is pending
     */
    Optional<Instant> oldestPendingAt();

    /**
     * Removes completed entries older than a time; until then they deduplicate redeliveries.
     *
     * @param before entries completed before this time are removed
     * @return how many were removed
     */
    int purgeCompleted(Instant before);

    /**
     * Removes every entry of a conversation (erasure).
     *
     * @param tenant the business
     * @param conversation the conversation
     * @return how many were removed
     */
    int deleteConversation(TenantId tenant, ConversationKey conversation);

    /**
     * Removes up to {@code limit} processed entries of the scope, completed at or before
     * {@code cutoff}, in one transaction. Until then they deduplicate redeliveries; they hold no
     * event, which is dropped when the entry completes.
     *
     * @param scope the tenants covered
     * @param cutoff entries completed at or before this time are removed
     * @param limit the most to remove, at least 1
     * @return how many were removed
     * @throws IllegalArgumentException if the limit is below 1
     */
    int purgeProcessed(PurgeScope scope, Instant cutoff, int limit);
}
