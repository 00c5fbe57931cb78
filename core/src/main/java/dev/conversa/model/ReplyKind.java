package dev.conversa.model;

/** Which kind of tappable element a customer chose. */
public enum ReplyKind {
    /** A reply button of an interactive message. */
    BUTTON,
    /** A row of a list message. */
    LIST_ROW,
    /** A quick reply chip. */
    QUICK_REPLY,
    /** A postback button (Messenger, Instagram). */
    POSTBACK,
    /** A quick reply button of a WhatsApp template. */
    TEMPLATE_BUTTON,
    /** The answer to a WhatsApp Flow. */
    FLOW,
    /** A kind this version does not know. */
    UNKNOWN
}
