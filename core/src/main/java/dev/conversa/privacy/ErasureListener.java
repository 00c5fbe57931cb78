package dev.conversa.privacy;

/**
 * Told after the library erased a person, so the host erases its own copies (a CRM, a ticket
 * system, analytics). Registered with {@code Conversa.builder().erasureListener(...)}. A listener
 * that throws is tried again, up to {@value Privacy#LISTENER_ATTEMPTS} times in all; if it still
 * fails, the failure is in {@link ErasureReport#listenerFailures()} and the audit record, never
 * ignored. Implementations must be thread-safe and idempotent (a person may be erased again,
 * for instance after a backup is restored).
 */
@FunctionalInterface
public interface ErasureListener {

    /**
     * Erases the host's copies of a person.
     *
     * @param person every identity the library linked to the person
     * @throws Exception if the host's copies could not be erased; the call is tried again
     */
    void erased(ErasedPerson person) throws Exception;
}
