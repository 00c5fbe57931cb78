package dev.conversa.store;

import dev.conversa.model.TenantId;
import java.util.Objects;
import java.util.Set;

/**
 * Which tenants a retention purge covers: one tenant (its own retention period), or every
 * tenant but those with a period of their own (the default period). Immutable and thread-safe.
 */
public sealed interface PurgeScope {

    /**
     * One tenant.
     *
     * @param tenant the business
     * @return the scope
     */
    static PurgeScope tenant(TenantId tenant) {
        return new Tenant(tenant);
    }

    /**
     * Every tenant except some.
     *
     * @param except the tenants left out, possibly none
     * @return the scope
     */
    static PurgeScope allTenantsExcept(Set<TenantId> except) {
        return new AllTenantsExcept(except);
    }

    /**
     * Tells whether a tenant's data is covered.
     *
     * @param tenant the business
     * @return true if covered
     */
    boolean includes(TenantId tenant);

    /**
     * One tenant's data.
     *
     * @param tenant the business
     */
    record Tenant(TenantId tenant) implements PurgeScope {

        /** Checks the tenant is not null. */
        public Tenant {
            Objects.requireNonNull(tenant, "tenant");
        }

        @Override
        public boolean includes(TenantId other) {
            return tenant.equals(other);
        }
    }

    /**
     * The data of every tenant but some.
     *
     * @param except the tenants left out
     */
    record AllTenantsExcept(Set<TenantId> except) implements PurgeScope {

        /** Copies the set. */
        public AllTenantsExcept {
            except = Set.copyOf(except);
        }

        @Override
        public boolean includes(TenantId tenant) {
            return !except.contains(tenant);
        }
    }
}
