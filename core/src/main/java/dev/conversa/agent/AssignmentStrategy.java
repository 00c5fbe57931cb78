package dev.conversa.agent;

/**
 * How a waiting conversation is given to an agent who did not claim it. Either way only agents
 * who serve the queue, are {@link Presence#ONLINE} and hold fewer conversations than their
 * maximum are chosen.
 */
public enum AssignmentStrategy {
    /** The agent assigned least recently (never assigned first, then by id). */
    ROUND_ROBIN,
    /** The agent holding the fewest conversations (ties: least recently assigned, then by id). */
    LEAST_BUSY
}
