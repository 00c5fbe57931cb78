package dev.conversa.testsupport;

import dev.conversa.model.ConversationKey;
import dev.conversa.model.InboundEvent;
import dev.conversa.model.TenantId;
import dev.conversa.store.Inbox;
import dev.conversa.store.InboxEntry;
import dev.conversa.store.PurgeScope;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A real inbox whose {@link #append} can be made to fail, to test what callers do when the
 * database is down. Every other method, and append while not failing, goes to the wrapped inbox.
 * Thread-safe if the wrapped inbox is.
 */
public final class FailingInbox implements Inbox {

    /** The message of the exception a failing append throws. */
    public static final String MESSAGE = "inbox unavailable (test)";

    private final Inbox delegate;
    private final AtomicBoolean failing = new AtomicBoolean();

    /**
     * Wraps an inbox.
     *
     * @param delegate the real inbox
     */
    public FailingInbox(Inbox delegate) {
        this.delegate = delegate;
    }

    /**
     * Makes appends fail, or work again.
     *
     * @param fail true to fail
     */
    public void failAppends(boolean fail) {
        failing.set(fail);
    }

    @Override
    public List<InboxEntry> append(TenantId tenant, List<InboundEvent> events, Instant now) {
        if (failing.get()) {
            throw new IllegalStateException(MESSAGE);
        }
        return delegate.append(tenant, events, now);
    }

    @Override
    public void scheduleReply(TenantId tenant, ConversationKey conversation, Instant due, Instant now) {
        delegate.scheduleReply(tenant, conversation, due, now);
    }

    @Override
    public List<InboxEntry> claim(String worker, int max, Duration lease, Instant now) {
        return delegate.claim(worker, max, lease, now);
    }

    @Override
    public void renew(InboxEntry entry, Duration lease, Instant now) {
        delegate.renew(entry, lease, now);
    }

    @Override
    public void complete(InboxEntry entry, Instant now) {
        delegate.complete(entry, now);
    }

    @Override
    public void retry(InboxEntry entry, Instant notBefore, String reason) {
        delegate.retry(entry, notBefore, reason);
    }

    @Override
    public void park(InboxEntry entry, String reason) {
        delegate.park(entry, reason);
    }

    @Override
    public List<InboxEntry> parked(TenantId tenant, int limit) {
        return delegate.parked(tenant, limit);
    }

    @Override
    public long pendingCount() {
        return delegate.pendingCount();
    }

    @Override
    public int purgeCompleted(Instant before) {
        return delegate.purgeCompleted(before);
    }

    @Override
    public int purgeProcessed(PurgeScope scope, Instant cutoff, int limit) {
        return delegate.purgeProcessed(scope, cutoff, limit);
    }

    @Override
    public int deleteConversation(TenantId tenant, ConversationKey conversation) {
        return delegate.deleteConversation(tenant, conversation);
    }
}
