package dev.conversa.spring.boot;

import dev.conversa.store.Stores;
import java.util.Objects;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * Conversa's health for Actuator: DOWN when the stores cannot be read (the database is
 * unreachable), else UP with the inbox backlog, the number of entries waiting to be processed.
 * The details never hold an exception's message, which may carry data; only its class.
 *
 * <p>Thread-safe.
 */
final class ConversaHealthIndicator implements HealthIndicator {

    private final Stores stores;

    ConversaHealthIndicator(Stores stores) {
        this.stores = Objects.requireNonNull(stores, "stores");
    }

    @Override
    public Health health() {
        try {
            return Health.up().withDetail("inboxBacklog", stores.inbox().pendingCount()).build();
        } catch (RuntimeException e) {
            return Health.down().withDetail("error", e.getClass().getName() + ": the stores cannot be read").build();
        }
    }
}
