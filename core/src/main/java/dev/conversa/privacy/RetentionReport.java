package dev.conversa.privacy;

import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What one run of the {@link RetentionJob} removed, per data class, and which classes failed
 * (they are tried again at the next run). Holds counts only. Immutable and thread-safe.
 *
 * @param ranAt the time the run purged against ({@code now})
 * @param removed how many items of each class were removed: conversations for {@link
 *     DataClass#CONVERSATIONS}, entries or requests for the others; every class is present
 * @param failed the classes whose purge failed; their counts hold what was removed before
 */
public record RetentionReport(Instant ranAt, Map<DataClass, Integer> removed, Set<DataClass> failed) {

    /** Checks the fields and copies the collections; a class missing from {@code removed} counts 0. */
    public RetentionReport {
        Objects.requireNonNull(ranAt, "ranAt");
        Map<DataClass, Integer> all = new EnumMap<>(DataClass.class);
        for (DataClass dataClass : DataClass.values()) {
            all.put(dataClass, removed.getOrDefault(dataClass, 0));
        }
        removed = Map.copyOf(all);
        failed = Set.copyOf(failed);
    }

    /**
     * How many items of a class were removed.
     *
     * @param dataClass the class
     * @return the count
     */
    public int removed(DataClass dataClass) {
        return removed.get(Objects.requireNonNull(dataClass, "dataClass"));
    }

    /**
     * Tells whether every class was purged without failure.
     *
     * @return true when nothing failed
     */
    public boolean succeeded() {
        return failed.isEmpty();
    }
}
