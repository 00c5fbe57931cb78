package dev.conversa.pipeline;

import dev.conversa.model.ConversationKey;
import dev.conversa.model.TenantId;
import dev.conversa.respond.TurnBudget;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * Counts responder turns per sender and per tenant in fixed windows of the {@link TurnBudget},
 * in memory: one limiter per pipeline, shared by all its workers, so the budget holds per
 * running instance. Only the current window's counters are kept; they are dropped when the
 * window ends, so memory is bounded by the senders of one window. Thread-safe (one lock; the
 * work under it is a few map operations, next to a responder call).
 */
final class TurnLimiter {

    /** What the caller does with a due reply. */
    enum Decision {
        /** Ask the responder; the turn is counted. */
        ANSWER,
        /** The turns are spent and this sender was not told yet in this window: send the notice. */
        NOTICE,
        /** The turns are spent and the sender was told: stay silent. */
        SILENCE
    }

    private record Sender(TenantId tenant, ConversationKey key) {
    }

    private static final class Count {
        int turns;
        boolean noticed;
    }

    private final TurnBudget budget;
    private final long windowMillis;
    private long currentWindow = Long.MIN_VALUE;
    private final Map<Sender, Count> senders = new HashMap<>();
    private final Map<TenantId, Count> tenants = new HashMap<>();

    TurnLimiter(TurnBudget budget) {
        this.budget = budget;
        this.windowMillis = budget.window().toMillis();
    }

    TurnBudget budget() {
        return budget;
    }

    /**
     * Takes one turn for the sender when both the sender and its tenant have turns left in the
     * window of {@code now}; otherwise counts nothing and says whether to notify.
     */
    synchronized Decision take(TenantId tenant, ConversationKey sender, Instant now) {
        long window = Math.floorDiv(now.toEpochMilli(), windowMillis);
        if (window > currentWindow) {
            senders.clear();
            tenants.clear();
            currentWindow = window;
        }
        Count own = senders.computeIfAbsent(new Sender(tenant, sender), key -> new Count());
        Count all = tenants.computeIfAbsent(tenant, key -> new Count());
        if (own.turns < budget.perSender() && all.turns < budget.perTenant()) {
            own.turns++;
            all.turns++;
            return Decision.ANSWER;
        }
        if (own.noticed) {
            return Decision.SILENCE;
        }
        own.noticed = true;
        return Decision.NOTICE;
    }
}
