package dev.conversa.pipeline;

/**
 * The rest of the pipeline after one middleware. Not thread-safe: it belongs to the entry
 * being processed.
 */
public interface Chain {

    /**
     * Runs the rest of the pipeline with the same context. A middleware may call this at most
     * once.
     *
     * @throws IllegalStateException if this chain was already proceeded
     * @throws RuntimeException whatever a later middleware threw, unchanged
     */
    void proceed();
}
