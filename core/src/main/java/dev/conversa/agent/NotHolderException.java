package dev.conversa.agent;

import dev.conversa.lang.ConversaException;

/**
 * An agent tried to release, close or pass on a conversation held by another agent (or by
 * nobody). Only the agent holding a conversation changes it; the supervisor path is the host's
 * {@code Conversa.conversations().changeState}, recorded with the host as actor.
 */
public final class NotHolderException extends ConversaException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param agentId the agent who tried
     * @param action what they tried, such as {@code "release"}
     */
    public NotHolderException(String agentId, String action) {
        super("agent " + agentId + " may not " + action + " this conversation: another agent holds it, or nobody "
                + "does; a supervisor changes it through conversations().changeState");
    }
}
