package dev.conversa.store;

import java.time.Instant;
import java.util.List;

/**
 * Keeps the {@link DeadLetter}s: verified webhook bodies that their channel could not read.
 * Implementations are thread-safe.
 */
public interface DeadLetterStore {

    /**
     * Keeps a body.
     *
     * @param object the webhook's {@code "object"}
     * @param reason why it could not be read, without personal data
     * @param body the raw body
     * @param receivedAt when it arrived
     * @return the dead letter, with its id
     */
    DeadLetter record(String object, String reason, String body, Instant receivedAt);

    /**
     * Lists dead letters, oldest first.
     *
     * @param limit the most to return
     * @return the dead letters
     */
    List<DeadLetter> list(int limit);

    /**
     * Removes one, once the host has dealt with it.
     *
     * @param id its id
     * @return true if it existed
     */
    boolean delete(long id);

    /**
     * Removes those received before a time.
     *
     * @param before the time
     * @return how many were removed
     */
    int purge(Instant before);
}
