package dev.conversa.store;

import dev.conversa.model.TenantId;
import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * A person's request to have their data erased, as received from Meta's data deletion callback
 * or from the host, with the confirmation code the person can look it up by.
 *
 * <p>{@link #toString()} leaves out the subject, which may be a phone number. Immutable and
 * thread-safe.
 *
 * @param tenant the business
 * @param subject who is to be erased: Meta's app-scoped user id, or an identifier the host
 *     supplies (phone number, user name, channel id); 1 to 200 characters
 * @param confirmationCode the code given to the person, 8 to 64 ASCII letters and digits,
 *     unique across every tenant
 * @param status where the request stands
 * @param requestedAt when it was received
 * @param updatedAt when its status last changed
 * @param counts what carrying it out removed, by kind (such as {@code "accounts"},
 *     {@code "conversations"}, {@code "contacts"}); empty until it is {@link DeletionStatus#DONE}
 */
public record DeletionRequest(
        TenantId tenant, String subject, String confirmationCode, DeletionStatus status, Instant requestedAt,
        Instant updatedAt, Map<String, Integer> counts) {

    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9]{8,64}");

    /**
     * Checks the fields.
     *
     * @throws IllegalArgumentException if the subject is blank or too long, or the code is not
     *     8 to 64 ASCII letters and digits
     */
    public DeletionRequest {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(subject, "subject");
        if (subject.isBlank() || subject.length() > 200) {
            throw new IllegalArgumentException("subject must be 1-200 non-blank characters");
        }
        Objects.requireNonNull(confirmationCode, "confirmationCode");
        if (!CODE.matcher(confirmationCode).matches()) {
            throw new IllegalArgumentException("confirmation code must be 8-64 ASCII letters and digits");
        }
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(requestedAt, "requestedAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        counts = Collections.unmodifiableMap(new TreeMap<>(counts));
    }

    /**
     * A request with no counts yet.
     *
     * @param tenant the business
     * @param subject who is to be erased
     * @param confirmationCode the code given to the person
     * @param status where the request stands
     * @param requestedAt when it was received
     * @param updatedAt when its status last changed
     * @throws IllegalArgumentException as the canonical constructor
     */
    public DeletionRequest(TenantId tenant, String subject, String confirmationCode, DeletionStatus status,
            Instant requestedAt, Instant updatedAt) {
        this(tenant, subject, confirmationCode, status, requestedAt, updatedAt, Map.of());
    }

    /**
     * The same request in another status.
     *
     * @param newStatus the status
     * @param at when it changed
     * @return the changed copy
     */
    public DeletionRequest withStatus(DeletionStatus newStatus, Instant at) {
        return new DeletionRequest(tenant, subject, confirmationCode, newStatus, requestedAt, at, counts);
    }

    /**
     * The same request with other counts.
     *
     * @param newCounts what carrying it out removed, by kind
     * @return the changed copy
     */
    public DeletionRequest withCounts(Map<String, Integer> newCounts) {
        return new DeletionRequest(tenant, subject, confirmationCode, status, requestedAt, updatedAt, newCounts);
    }

    /**
     * The same request with another subject, such as a keyed hash once the person is erased.
     *
     * @param newSubject the subject
     * @return the changed copy
     */
    public DeletionRequest withSubject(String newSubject) {
        return new DeletionRequest(tenant, newSubject, confirmationCode, status, requestedAt, updatedAt, counts);
    }

    /** Shows the tenant, code, status, times and counts; never the subject. */
    @Override
    public String toString() {
        return "DeletionRequest[" + tenant + ", " + confirmationCode + ", " + status + ", requested " + requestedAt
                + ", updated " + updatedAt + ", " + counts + "]";
    }
}
