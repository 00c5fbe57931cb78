package dev.conversa.store;

import dev.conversa.model.TenantId;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The requests to erase a person's data, from receipt until the erasure is done. Meta's data
 * deletion callback records them ({@code dev.conversa.privacy.DataDeletionCallback}); the
 * privacy module carries them out and moves their status on; the host's status page looks
 * them up by confirmation code.
 *
 * <p>Implementations are thread-safe.
 */
public interface DeletionRequestStore {

    /**
     * Records a new request, unless its confirmation code is already taken by any request of
     * any tenant; the stored request is then left as it is.
     *
     * @param request the request
     * @return true if recorded, false if the code was taken (draw another code and retry)
     */
    boolean record(DeletionRequest request);

    /**
     * Finds a request by its confirmation code.
     *
     * @param tenant the business
     * @param confirmationCode the code, matched exactly
     * @return the request, empty if the tenant has none with that code
     */
    Optional<DeletionRequest> find(TenantId tenant, String confirmationCode);

    /**
     * Moves a request to another status.
     *
     * @param tenant the business
     * @param confirmationCode the request's code
     * @param status the new status
     * @param now when it changed, stored as the request's update time
     * @return the updated request, empty if the tenant has none with that code
     */
    Optional<DeletionRequest> updateStatus(TenantId tenant, String confirmationCode, DeletionStatus status,
            Instant now);

    /**
     * Marks a request {@link DeletionStatus#DONE} with what carrying it out removed.
     *
     * @param tenant the business
     * @param confirmationCode the request's code
     * @param counts what was removed, by kind
     * @param now when it finished, stored as the request's update time
     * @return the updated request, empty if the tenant has none with that code
     */
    Optional<DeletionRequest> complete(TenantId tenant, String confirmationCode, Map<String, Integer> counts,
            Instant now);

    /**
     * Lists the tenants that have requests still waiting for their erasure to finish, for the job
     * that carries them out.
     *
     * @return the tenants, each once
     */
    List<TenantId> pendingTenants();

    /**
     * Lists the requests still waiting for their erasure to finish ({@link DeletionStatus#RECEIVED}
     * and {@link DeletionStatus#IN_PROGRESS}), oldest first.
     *
     * @param tenant the business
     * @param limit the most to return
     * @return the requests
     * @throws IllegalArgumentException if the limit is negative
     */
    List<DeletionRequest> listPending(TenantId tenant, int limit);

    /**
     * Lists a tenant's requests whose subject is exactly the given one, whatever their status,
     * oldest first, for the export of one person's data.
     *
     * @param tenant the business
     * @param subject the subject, matched exactly
     * @return the requests, empty if none
     */
    List<DeletionRequest> listBySubject(TenantId tenant, String subject);

    /**
     * Removes up to {@code limit} requests of the scope that are {@link DeletionStatus#DONE} and
     * were last updated at or before {@code cutoff}, in one transaction; their status can no
     * longer be looked up.
     *
     * @param scope the tenants covered
     * @param cutoff done requests updated at or before this time are removed
     * @param limit the most to remove, at least 1
     * @return how many were removed
     * @throws IllegalArgumentException if the limit is below 1
     */
    int purgeDone(PurgeScope scope, Instant cutoff, int limit);

    /**
     * Replaces the subject of a tenant's requests, for erasure: the requests stay (with their
     * codes and statuses) but no longer name the person.
     *
     * @param tenant the business
     * @param subject the subject to replace, matched exactly
     * @param replacement the new subject, such as a keyed hash
     * @return how many requests changed
     */
    int replaceSubject(TenantId tenant, String subject, String replacement);
}
