package dev.conversa.conversation.internal;

import dev.conversa.conversation.StateChange;
import dev.conversa.conversation.StateChangeListener;
import dev.conversa.model.ConversationKey;
import dev.conversa.model.ConversationState;
import dev.conversa.model.TenantId;
import dev.conversa.store.AccountStore;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells the host's {@link StateChangeListener}s about stored changes of state, with the
 * conversation's account, isolating their failures.
 *
 * <p><b>Internal:</b> used by {@link Ownership}. Immutable and thread-safe.
 */
public final class StateNotifier {

    private static final Logger LOG = LoggerFactory.getLogger(StateNotifier.class);

    private final List<StateChangeListener> listeners;
    private final AccountStore accounts;

    /**
     * Creates a notifier.
     *
     * @param listeners the listeners, in order
     * @param accounts where the conversation's account is looked up
     */
    public StateNotifier(List<StateChangeListener> listeners, AccountStore accounts) {
        this.listeners = List.copyOf(listeners);
        this.accounts = Objects.requireNonNull(accounts, "accounts");
    }

    /**
     * Tells every listener, unless nothing changed.
     *
     * @param tenant the business
     * @param key the conversation
     * @param from the state before
     * @param to the state now
     * @param origin the cause
     */
    public void changed(TenantId tenant, ConversationKey key, ConversationState from, ConversationState to,
            StateChange.Origin origin) {
        changed(tenant, key, from, to, origin, Optional.empty());
    }

    /**
     * Tells every listener, unless nothing changed.
     *
     * @param tenant the business
     * @param key the conversation
     * @param from the state before
     * @param to the state now
     * @param origin the cause
     * @param agent the agent who made the change, if one did
     */
    public void changed(TenantId tenant, ConversationKey key, ConversationState from, ConversationState to,
            StateChange.Origin origin, Optional<String> agent) {
        if (from == to || listeners.isEmpty()) {
            return;
        }
        StateChange change = new StateChange(tenant, key, from, to, origin,
                accounts.findByAccountId(key.channel(), key.accountId()).filter(a -> a.tenant().equals(tenant)), agent);
        for (StateChangeListener listener : listeners) {
            try {
                listener.stateChanged(change);
            } catch (RuntimeException e) {
                LOG.warn("State change listener {} failed with {}; the change stands", listener.getClass().getName(),
                        e.getClass().getName());
                LOG.debug("State change listener failure", e);
            }
        }
    }
}
