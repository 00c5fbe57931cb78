package dev.conversa.store;

import dev.conversa.model.TenantId;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One line of the erasure ledger: a keyed hash of one identifier of an erased person (a phone
 * number, a user name, a channel id), the time it was erased and what was removed. It names
 * nobody: the hash is an HMAC under the deployment's pepper, which the store never sees.
 * Immutable and thread-safe.
 *
 * @param tenant the business
 * @param keyHash the keyed hash, 64 lower-case hexadecimal digits
 * @param erasedAt when the person was erased (the latest time, if erased more than once)
 * @param counts what was removed, by data class
 */
public record ErasureEntry(TenantId tenant, String keyHash, Instant erasedAt, Map<String, Integer> counts) {

    private static final Pattern HASH = Pattern.compile("[0-9a-f]{64}");

    /**
     * Checks the fields and copies the counts.
     *
     * @throws IllegalArgumentException if the hash is not 64 lower-case hexadecimal digits
     */
    public ErasureEntry {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(keyHash, "keyHash");
        if (!HASH.matcher(keyHash).matches()) {
            throw new IllegalArgumentException("keyHash must be 64 lower-case hexadecimal digits");
        }
        Objects.requireNonNull(erasedAt, "erasedAt");
        counts = Map.copyOf(counts);
    }
}
