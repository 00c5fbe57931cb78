package dev.conversa.agent;

/** Whether an agent takes conversations now. Only {@link #ONLINE} agents are assigned any. */
public enum Presence {
    /** At work and taking conversations. */
    ONLINE,
    /** At work but not taking new conversations; keeps the ones assigned. */
    AWAY,
    /** Not at work; keeps the ones assigned until they are transferred, released or closed. */
    OFFLINE
}
