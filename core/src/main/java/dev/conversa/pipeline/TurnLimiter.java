package dev.conversa.pipeline;

import dev.conversa.model.ConversationKey;
import dev.conversa.model.TenantId;
import dev.conversa.respond.TurnBudget;
import dev.conversa.store.ConversationStore;
import dev.conversa.store.SenderTurn;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counts responder turns per sender and per tenant in fixed windows of the {@link TurnBudget},
 * through the {@link ConversationStore}, so the budget holds for every instance sharing the
 * stores. A sender's turns are counted on their conversation in the unit of work of the reply
 * (a conversation's replies run one at a time, so that count is exact). A tenant's turns are
 * granted to this instance in allotments of {@link #allotment} and spent here: one store call per
 * allotment rather than per turn, so the tenant's count is not a lock every reply waits on; the
 * next allotment is asked for once more than half of the last is spent. The tenant's budget is never
 * exceeded; a turn granted here and unspent when the window ends is lost, so with several
 * instances a tenant may get up to one and a half allotments per instance fewer turns than its
 * budget (and one more per reply that asked for a turn while a grant was under way).
 * Thread-safe; no reply waits on another's call to the store.
 */
final class TurnLimiter {

    private static final Logger LOG = LoggerFactory.getLogger(TurnLimiter.class);

    /** What the caller does with a due reply. */
    enum Decision {
        /** Ask the responder; the turn is counted. */
        ANSWER,
        /** The turns are spent and this sender was not told yet in this window: send the notice. */
        NOTICE,
        /** The turns are spent and the sender was told: stay silent. */
        SILENCE
    }

    /** Turns of the tenant granted to this instance in one window and not yet spent. */
    private static final class Allotment {
        Instant window;
        int left;
        boolean spent;
        /** Grants under way, made without the lock. */
        int granting;
    }

    private final TurnBudget budget;
    private final ConversationStore conversations;
    private final long windowMillis;
    private final int allotment;
    private final Map<TenantId, Allotment> tenants = new ConcurrentHashMap<>();

    TurnLimiter(TurnBudget budget, ConversationStore conversations) {
        this.budget = budget;
        this.conversations = conversations;
        this.windowMillis = budget.window().toMillis();
        this.allotment = allotment(budget.perTenant());
    }

    /** A hundredth of the tenant's budget, between 1 and 50 turns. */
    static int allotment(int perTenant) {
        return Math.max(1, Math.min(50, perTenant / 100));
    }

    TurnBudget budget() {
        return budget;
    }

    /**
     * Takes one turn for the sender when both the sender and its tenant have turns left in the
     * window of {@code now}; otherwise counts nothing and says whether to notify.
     */
    Decision take(TenantId tenant, ConversationKey sender, Instant now) {
        Instant window = Instant.ofEpochMilli(Math.floorDiv(now.toEpochMilli(), windowMillis) * windowMillis);
        boolean tenantTurn = takeTenantTurn(tenant, window);
        SenderTurn turn = conversations.takeTurn(tenant, sender, window, tenantTurn ? budget.perSender() : 0);
        if (turn != SenderTurn.TAKEN && tenantTurn) {
            giveBack(tenant, window);
        }
        return switch (turn) {
            case TAKEN -> Decision.ANSWER;
            case REFUSED_FIRST -> Decision.NOTICE;
            case REFUSED -> Decision.SILENCE;
        };
    }

    /**
     * Takes a turn of the tenant's allotment, asking the store for more when it is empty, and for
     * the next allotment once more than half of this one is spent (never for allotments of one turn),
     * so that replies seldom find it empty.
     * The store is never called while the allotment is locked: the caller may hold a connection
     * of its unit of work, and replies waiting on the lock while holding theirs could leave the
     * grant none (16 workers on a pool of 10 stalled for the pool's 30 s timeout). So a reply that
     * finds the allotment empty while another's grant is under way asks for one turn of its own.
     */
    private boolean takeTenantTurn(TenantId tenant, Instant window) {
        Allotment own = tenants.computeIfAbsent(tenant, key -> new Allotment());
        int wanted;
        boolean early;
        synchronized (own) {
            if (!window.equals(own.window)) {
                own.window = window;
                own.left = 0;
                own.spent = false;
            }
            early = own.left > 0;
            if (early) {
                own.left--;
                if (own.left >= allotment / 2 || own.granting > 0 || own.spent) {
                    return true;
                }
                wanted = allotment;
            } else if (own.spent) {
                return false;
            } else {
                wanted = own.granting > 0 ? 1 : allotment;
            }
            own.granting++;
        }
        if (!early) {
            return grant(own, tenant, window, wanted, 1) > 0;
        }
        try {
            grant(own, tenant, window, wanted, 0);
        } catch (RuntimeException e) {
            // this reply has its turn: the next one to find the allotment half spent asks again
            LOG.debug("Asking early for the next allotment of a tenant's turns failed", e);
        }
        return true;
    }

    /**
     * Asks the store for turns, outside the allotment's lock (the caller counted the grant in
     * {@code granting}), and adds them to the allotment but for the {@code kept} the caller spends.
     */
    private int grant(Allotment own, TenantId tenant, Instant window, int wanted, int kept) {
        int granted;
        try {
            granted = conversations.grantTenantTurns(tenant, window, wanted, budget.perTenant());
        } finally {
            synchronized (own) {
                own.granting--;
            }
        }
        synchronized (own) {
            if (window.equals(own.window)) {
                own.left += Math.max(0, granted - kept);
                own.spent |= granted == 0;
            }
        }
        return granted;
    }

    private void giveBack(TenantId tenant, Instant window) {
        Allotment own = tenants.get(tenant);
        synchronized (own) {
            if (window.equals(own.window)) {
                own.left++;
            }
        }
    }
}
