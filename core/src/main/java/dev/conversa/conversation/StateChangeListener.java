package dev.conversa.conversation;

/**
 * Hears that who answers a conversation changed: to keep another system in step, such as the
 * Messenger handover protocol (pass thread control to the Page inbox when a person takes over,
 * take it back when the bot resumes) or an agent inbox.
 *
 * <p>Called after the change was stored, on the thread that made it (a dispatcher thread, or
 * the host's own for {@code Conversations.changeState}). An exception is logged and ignored:
 * the change stands. Implementations must be thread-safe and should be quick.
 *
 * <pre>{@code
 * Conversa.builder().stateListener(change -> {
 *     if (change.botStepsBack()) {
 *         agentInbox.notify(change.tenant(), change.conversation());
 *     }
 * });
 * }</pre>
 */
@FunctionalInterface
public interface StateChangeListener {

    /**
     * Hears a stored change.
     *
     * @param change what changed
     */
    void stateChanged(StateChange change);
}
