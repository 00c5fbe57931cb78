package dev.conversa.model;

import java.util.Objects;

/**
 * The business a piece of data belongs to. Every store operation takes a tenant, so no query
 * can cross from one business to another.
 *
 * @param value the tenant's identifier chosen by the host, 1 to 100 characters
 */
public record TenantId(String value) {

    /**
     * Checks the identifier.
     *
     * @throws IllegalArgumentException if it is blank or longer than 100 characters
     */
    public TenantId {
        Objects.requireNonNull(value, "value");
        if (value.isBlank() || value.length() > 100) {
            throw new IllegalArgumentException("tenant id must be 1-100 non-blank characters");
        }
    }

    /**
     * Returns the tenant of that identifier.
     *
     * @param value the identifier
     * @return the tenant
     */
    public static TenantId of(String value) {
        return new TenantId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
