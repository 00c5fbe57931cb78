package dev.conversa.testsupport;

import dev.conversa.model.InboundEvent;
import dev.conversa.model.TenantId;
import dev.conversa.store.Inbox;
import dev.conversa.store.InboxEntry;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A real inbox whose {@link #append} can be made to fail, to test what callers do when the
 * database is down. Every other method, and append while not failing, goes to the wrapped inbox.
 * Thread-safe if the wrapped inbox is.
 */
public final class FailingInbox extends ForwardingInbox {

    /** The message of the exception a failing append throws. */
    public static final String MESSAGE = "inbox unavailable (test)";

    private final AtomicBoolean failing = new AtomicBoolean();

    /**
     * Wraps an inbox.
     *
     * @param delegate the real inbox
     */
    public FailingInbox(Inbox delegate) {
        super(delegate);
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
        return super.append(tenant, events, now);
    }
}
