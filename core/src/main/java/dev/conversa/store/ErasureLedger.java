package dev.conversa.store;

import dev.conversa.model.TenantId;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * The erasure ledger: the keyed hashes of the identifiers of every person erased, so that a
 * redelivered webhook of an erased person does not bring them back and an erasure can be
 * carried out again after a backup is restored. It holds hashes only, never an identifier.
 * Implementations are thread-safe.
 */
public interface ErasureLedger {

    /**
     * Records an erased identifier; recording the same tenant and hash again keeps one line with
     * the later time and the newer counts.
     *
     * @param entry the line
     */
    void record(ErasureEntry entry);

    /**
     * Tells which of these hashes were erased in a tenant, and when.
     *
     * @param tenant the business
     * @param keyHashes the hashes to look up
     * @return the erasure time of each hash found; hashes not erased are absent
     */
    Map<String, Instant> erasedAt(TenantId tenant, Collection<String> keyHashes);

    /**
     * Lists a tenant's lines, a page at a time, ordered by hash.
     *
     * @param tenant the business
     * @param offset how many to skip
     * @param limit the most to return
     * @return the lines
     */
    List<ErasureEntry> list(TenantId tenant, int offset, int limit);

    /**
     * Lists the tenants that have lines in the ledger.
     *
     * @return the tenants, ordered by id
     */
    List<TenantId> tenants();
}
