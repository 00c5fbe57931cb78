package dev.conversa;

import dev.conversa.store.Inbox;
import dev.conversa.testsupport.ForwardingInbox;
import dev.conversa.store.InboxEntry;
import dev.conversa.store.LeaseLostException;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real inbox that counts lease renewals and can be told to refuse them, as when another worker
 * took the entry over. Thread-safe if the wrapped inbox is.
 */
final class RenewalCountingInbox extends ForwardingInbox {

    private final AtomicInteger renewals = new AtomicInteger();
    private final AtomicBoolean refuse = new AtomicBoolean();

    RenewalCountingInbox(Inbox delegate) {
        super(delegate);
    }

    int renewals() {
        return renewals.get();
    }

    void refuseRenewals(boolean refusing) {
        refuse.set(refusing);
    }

    @Override
    public void renew(InboxEntry entry, Duration lease, Instant now) {
        renewals.incrementAndGet();
        if (refuse.get()) {
            throw new LeaseLostException("inbox entry " + entry.id() + " taken over (test)");
        }
        super.renew(entry, lease, now);
    }
}
