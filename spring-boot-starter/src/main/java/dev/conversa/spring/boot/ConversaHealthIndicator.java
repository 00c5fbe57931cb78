package dev.conversa.spring.boot;

import dev.conversa.Conversa;
import dev.conversa.HealthSnapshot;
import java.util.Objects;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * Conversa's health for Actuator, from {@link Conversa#health()}: DOWN when the stores cannot be
 * read (the database is unreachable), else UP with the details {@code inboxBacklog},
 * {@code inboxOldestPendingAge} (ISO-8601, absent when nothing waits), {@code inboxParked},
 * {@code outboxPending}, {@code outboxSendUncertain}, {@code outboxDead},
 * {@code accountsWithRefusedToken} and {@code needsAttention} (true when parked entries,
 * uncertain or dead sends or refused tokens wait for a person). Only counts and ages, never
 * personal data; on failure only the exception's class, never its message, which may carry data.
 *
 * <p>Thread-safe.
 */
final class ConversaHealthIndicator implements HealthIndicator {

    private final Conversa conversa;

    ConversaHealthIndicator(Conversa conversa) {
        this.conversa = Objects.requireNonNull(conversa, "conversa");
    }

    @Override
    public Health health() {
        HealthSnapshot snapshot;
        try {
            snapshot = conversa.health();
        } catch (RuntimeException e) {
            return Health.down().withDetail("error", e.getClass().getName() + ": the stores cannot be read").build();
        }
        Health.Builder health = Health.up().withDetail("inboxBacklog", snapshot.inboxPending());
        snapshot.oldestPendingAge().ifPresent(age -> health.withDetail("inboxOldestPendingAge", age.toString()));
        return health.withDetail("inboxParked", snapshot.inboxParked())
                .withDetail("outboxPending", snapshot.outboxPending())
                .withDetail("outboxSendUncertain", snapshot.outboxSendUncertain())
                .withDetail("outboxDead", snapshot.outboxDead())
                .withDetail("accountsWithRefusedToken", snapshot.accountsWithRefusedToken())
                .withDetail("needsAttention", snapshot.needsAttention())
                .build();
    }
}
