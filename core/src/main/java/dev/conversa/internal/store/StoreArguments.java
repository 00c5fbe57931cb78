package dev.conversa.internal.store;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The argument checks every store implementation makes the same way, so that the in-memory and
 * JDBC stores refuse the same calls with the same messages (the contract suites check them).
 *
 * <p><b>Internal:</b> public only because store implementations live in several modules.
 */
public final class StoreArguments {

    private static final Pattern PHONE = Pattern.compile("\\+?[0-9][0-9 ()-]*");

    private StoreArguments() {}

    /**
     * The digits of a phone number, so that {@code +1 555 0100} and {@code 15550100} match.
     *
     * @param phone a phone number as stored or typed
     * @return its digits only
     */
    public static String phoneDigits(String phone) {
        StringBuilder digits = new StringBuilder(phone.length());
        for (int i = 0; i < phone.length(); i++) {
            char c = phone.charAt(i);
            if (c >= '0' && c <= '9') {
                digits.append(c);
            }
        }
        return digits.length() == phone.length() ? phone : digits.toString();
    }

    /**
     * The digits of an identifier a person may be looked up by, when it looks like a phone number.
     *
     * @param identifier a phone number, user name or external id
     * @return its digits when it has the shape of a phone number, else empty
     */
    public static Optional<String> phoneDigitsOf(String identifier) {
        return PHONE.matcher(identifier).matches() ? Optional.of(phoneDigits(identifier)) : Optional.empty();
    }

    /**
     * The user name an identifier may be: without one leading {@code @}. Stores compare user
     * names ignoring case.
     *
     * @param identifier a phone number, user name or external id
     * @return the identifier without a leading {@code @}
     */
    public static String usernameOf(String identifier) {
        return identifier.startsWith("@") ? identifier.substring(1) : identifier;
    }

    /**
     * Checks a result limit.
     *
     * @param limit the most results to return
     * @return the limit
     * @throws IllegalArgumentException if it is negative
     */
    public static int requireLimit(int limit) {
        if (limit < 0) {
            throw new IllegalArgumentException("limit must not be negative: " + limit);
        }
        return limit;
    }

    /**
     * Checks the batch size of a purge.
     *
     * @param limit the most items to remove
     * @return the limit
     * @throws IllegalArgumentException if it is below 1
     */
    public static int requirePurgeLimit(int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1: " + limit);
        }
        return limit;
    }

    /**
     * Checks the arguments of a claim.
     *
     * @param max the most entries to claim
     * @param lease how long the claim holds
     * @throws IllegalArgumentException if {@code max} is below 1 or the lease is not positive
     */
    public static void requireClaim(int max, Duration lease) {
        if (max < 1) {
            throw new IllegalArgumentException("max must be at least 1: " + max);
        }
        if (Objects.requireNonNull(lease, "lease").isNegative() || lease.isZero()) {
            throw new IllegalArgumentException("lease must be positive: " + lease);
        }
    }

    /**
     * Checks the arguments of {@code ConversationStore.takeTurn}.
     *
     * @param window the start of the window
     * @param allowed the turns the customer may have
     * @throws IllegalArgumentException if {@code allowed} is negative
     */
    public static void requireTurn(Instant window, int allowed) {
        Objects.requireNonNull(window, "window");
        if (allowed < 0) {
            throw new IllegalArgumentException("allowed must not be negative: " + allowed);
        }
    }

    /**
     * Checks the arguments of {@code ConversationStore.grantTenantTurns}.
     *
     * @param window the start of the window
     * @param wanted the turns asked for
     * @param limit the tenant's turns per window
     * @throws IllegalArgumentException if {@code wanted} or {@code limit} is below 1
     */
    public static void requireGrant(Instant window, int wanted, int limit) {
        Objects.requireNonNull(window, "window");
        if (wanted < 1) {
            throw new IllegalArgumentException("wanted must be at least 1: " + wanted);
        }
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1: " + limit);
        }
    }
}
