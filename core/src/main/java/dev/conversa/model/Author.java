package dev.conversa.model;

/** Who wrote a stored message. */
public enum Author {
    /** The customer. */
    CUSTOMER,
    /** The AI assistant or rules of this library. */
    BOT,
    /** A human agent working through this library. */
    AGENT,
    /**
     * The business, from outside this library (the WhatsApp Business app, the Page inbox,
     * another app): seen through an echo.
     */
    BUSINESS_ELSEWHERE
}
