package dev.conversa.store;

/** Where a deletion request stands. */
public enum DeletionStatus {
    /** Recorded; nothing erased yet. */
    RECEIVED,
    /** The erasure has started. */
    IN_PROGRESS,
    /** Everything of the person was erased. */
    DONE,
    /** The erasure failed; the request needs attention. */
    FAILED;

    /**
     * Tells whether the request still waits for its erasure to finish.
     *
     * @return true for {@link #RECEIVED} and {@link #IN_PROGRESS}
     */
    public boolean isPending() {
        return this == RECEIVED || this == IN_PROGRESS;
    }
}
