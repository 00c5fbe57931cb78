package dev.conversa.privacy;

import dev.conversa.store.DeletionRequest;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What one run over the pending data deletion requests did. Names nobody: a request's {@code
 * toString()} leaves out its subject. Immutable and thread-safe.
 *
 * @param ranAt when the run started
 * @param done the requests carried out in this run, now {@code DONE} with their counts
 * @param failed the requests whose processing failed in this run; they stay pending and the next
 *     run tries again
 * @param overdue the requests still pending after the alert age (default 25 days, inside Meta's
 *     30), each also logged at ERROR
 */
public record DeletionRun(Instant ranAt, List<DeletionRequest> done, List<DeletionRequest> failed,
        List<DeletionRequest> overdue) {

    /** Checks the fields and copies the lists. */
    public DeletionRun {
        Objects.requireNonNull(ranAt, "ranAt");
        done = List.copyOf(done);
        failed = List.copyOf(failed);
        overdue = List.copyOf(overdue);
    }
}
