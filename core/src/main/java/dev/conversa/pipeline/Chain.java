package dev.conversa.pipeline;

/**
 * The rest of the pipeline after one middleware. Not thread-safe: it belongs to the entry
 * being processed.
 */
public interface Chain {

    /**
     * Runs the rest of the pipeline. A middleware may call this at most once.
     *
     * @param ctx the context the middleware received
     * @throws IllegalStateException if this chain was already proceeded
     * @throws IllegalArgumentException if the context is not the one the pipeline created
     * @throws Exception whatever a later middleware threw, unchanged
     */
    void proceed(Context ctx) throws Exception;
}
