package dev.conversa.channel;

import dev.conversa.model.Echo;

/**
 * The mark on a message sent by this library, so that its echo is not taken for a person
 * answering from elsewhere. Channel adapters that can attach metadata to a send (Messenger, and
 * Instagram where its echoes carry it) attach {@link #VALUE}; core recognizes it with
 * {@link #isOnEcho(Echo)}.
 *
 * <pre>{@code
 * message.put("metadata", EchoMarker.VALUE);
 * }</pre>
 *
 * <p>Stateless and thread-safe.
 */
public final class EchoMarker {

    /** The metadata value a channel attaches to what it sends for this library. */
    public static final String VALUE = "conversa";

    private EchoMarker() {
    }

    /**
     * Tells whether an echo carries the mark, so it echoes a message this library sent.
     *
     * @param echo the echo
     * @return true when its metadata is {@link #VALUE}
     */
    public static boolean isOnEcho(Echo echo) {
        return echo.metadata().filter(VALUE::equals).isPresent();
    }
}
