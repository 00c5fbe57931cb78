package dev.conversa.privacy;

import dev.conversa.model.TenantId;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What one erasure removed. Names nobody: the identifier appears only as its keyed hash, so the
 * report can be logged, stored and shown to the person as confirmation. Immutable and
 * thread-safe.
 *
 * @param tenant the business
 * @param identifierHash the keyed hash (HMAC-SHA256 under the deployment's pepper) of the
 *     identifier the erasure was asked for, 64 hexadecimal digits; the same identifier in any
 *     common format gives the same hash
 * @param erasedAt when
 * @param counts how many rows or records were removed per data class: {@value #CONTACTS},
 *     {@value #CONVERSATIONS}, {@value #MESSAGES}, {@value #INBOX}, {@value #OUTBOX},
 *     {@value #CONSENTS}, {@value #DELETION_REQUESTS}, {@value #AUDIT}, {@value #DEAD_LETTERS}
 * @param listenerFailures the host's {@link ErasureListener}s that still failed after their
 *     attempts, each as its class name and the failure's class name; empty when all succeeded
 */
public record ErasureReport(
        TenantId tenant, String identifierHash, Instant erasedAt, Map<String, Integer> counts,
        List<String> listenerFailures) {

    /** Contacts (one per channel identity). */
    public static final String CONTACTS = "contacts";
    /** Conversations. */
    public static final String CONVERSATIONS = "conversations";
    /** Messages of those conversations, with the ids of their parts. */
    public static final String MESSAGES = "messages";
    /** Inbox entries, pending or processed, and reply tasks. */
    public static final String INBOX = "inbox";
    /** Outbox entries, pending ones too: an erased person gets no further message. */
    public static final String OUTBOX = "outbox";
    /** Consent changes removed; the latest opt-out of each topic stays under a keyed hash. */
    public static final String CONSENTS = "consents";
    /** Deletion requests whose subject was replaced by a keyed hash. */
    public static final String DELETION_REQUESTS = "deletionRequests";
    /** Audit entries that named the person. */
    public static final String AUDIT = "audit";
    /** Dead letters (unreadable webhook bodies) that named the person. */
    public static final String DEAD_LETTERS = "deadLetters";
    /** Agents' internal notes on the person's conversations. */
    public static final String NOTES = "notes";

    /** Checks the fields and copies the collections (counts sorted by class). */
    public ErasureReport {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(identifierHash, "identifierHash");
        Objects.requireNonNull(erasedAt, "erasedAt");
        counts = java.util.Collections.unmodifiableMap(new TreeMap<>(counts));
        listenerFailures = List.copyOf(listenerFailures);
    }

    /**
     * How many were removed of one data class.
     *
     * @param dataClass one of the constants of this record
     * @return the count, 0 if none
     */
    public int count(String dataClass) {
        return counts.getOrDefault(dataClass, 0);
    }

    /**
     * Tells whether every host listener erased its copies.
     *
     * @return true if no listener failed
     */
    public boolean complete() {
        return listenerFailures.isEmpty();
    }
}
