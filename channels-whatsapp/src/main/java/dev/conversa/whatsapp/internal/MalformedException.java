package dev.conversa.whatsapp.internal;

/** A webhook item lacks a field it cannot do without; the item is kept as unsupported. */
final class MalformedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    MalformedException(String message) {
        super(message, null, false, false);
    }
}
