package dev.conversa;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Conversa's operational state at one moment, over every tenant, for health checks and
 * dashboards ({@link Conversa#health()}). It holds only counts and ages, no personal data: no
 * phone number, contact, account id, token or message.
 *
 * <p>The outbox's {@code SEND_UNCERTAIN} and {@code DEAD} entries stay counted until retention
 * removes them; the accounts whose token was refused are those this process parked and that are
 * still registered with that token.
 *
 * @param takenAt when the snapshot was taken
 * @param inboxPending inbox entries not yet completed or parked (the backlog)
 * @param oldestPendingAge how long the oldest of them has waited, empty when none waits
 * @param inboxParked inbox entries set aside after their last attempt
 * @param outboxPending outbox entries waiting to be sent or being sent (the outbox depth)
 * @param outboxSendUncertain outbox entries the channel may or may not have received
 * @param outboxDead outbox entries failed for good
 * @param accountsWithRefusedToken accounts whose access token Meta refused (code 190), whose
 *     messages wait for a new token
 */
public record HealthSnapshot(Instant takenAt, long inboxPending, Optional<Duration> oldestPendingAge,
        long inboxParked, long outboxPending, long outboxSendUncertain, long outboxDead,
        int accountsWithRefusedToken) {

    /** Checks the fields are not null. */
    public HealthSnapshot {
        Objects.requireNonNull(takenAt, "takenAt");
        Objects.requireNonNull(oldestPendingAge, "oldestPendingAge");
    }

    /**
     * Tells whether something waits for a person: parked inbox entries, uncertain or dead sends,
     * or an account whose token was refused.
     *
     * @return true when one of those counts is above zero
     */
    public boolean needsAttention() {
        return inboxParked > 0 || outboxSendUncertain > 0 || outboxDead > 0 || accountsWithRefusedToken > 0;
    }
}
