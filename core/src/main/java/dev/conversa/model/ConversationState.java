package dev.conversa.model;

/** Who is answering a conversation. */
public enum ConversationState {
    /** The bot answers. */
    BOT,
    /** The bot has stopped; a person was asked to take over and none has yet. */
    WAITING_FOR_AGENT,
    /** A person answers; the bot stays silent. */
    WITH_AGENT,
    /** Finished; a new inbound message reopens it with the bot. */
    CLOSED;

    /**
     * Tells whether the bot may speak in this state.
     *
     * @return true only for {@link #BOT}
     */
    public boolean botMaySpeak() {
        return this == BOT;
    }
}
