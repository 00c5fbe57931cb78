package dev.conversa.messenger.platform.internal;

import tools.jackson.databind.node.ObjectNode;

/**
 * One Send API request's payload: a {@code message} object, or a {@code sender_action}.
 *
 * @param message the message object, or null for a sender action
 * @param senderAction the sender action, or null for a message
 * @param payload the sender action's payload, or null when it has none
 */
record Part(ObjectNode message, String senderAction, ObjectNode payload) {

    static Part message(ObjectNode message) {
        return new Part(message, null, null);
    }

    static Part action(String senderAction) {
        return new Part(null, senderAction, null);
    }

    static Part action(String senderAction, ObjectNode payload) {
        return new Part(null, senderAction, payload);
    }

    boolean isMessage() {
        return message != null;
    }

    /** Leaves out the message, which holds its text. */
    @Override
    public String toString() {
        return "Part[" + (isMessage() ? "message" : senderAction) + "]";
    }
}
