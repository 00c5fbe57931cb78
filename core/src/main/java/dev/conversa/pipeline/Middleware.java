package dev.conversa.pipeline;

/**
 * One step of the pipeline. It may act before and after the rest of the chain, change the
 * context's attributes, send messages, or stop the chain by not calling {@link Chain#proceed()}.
 *
 * <p>Exceptions: a runtime exception fails the inbox entry being processed; the
 * dispatcher retries it a bounded number of times with backoff and then parks it for the host
 * to inspect. Other conversations are not affected. Because an entry can run again after a
 * failure or a crash, middleware should be idempotent; messages sent through
 * {@link Context#send} are. A middleware that calls code throwing checked exceptions wraps them
 * (for example in {@link java.io.UncheckedIOException}); they are retried alike.
 *
 * <p>Middleware runs on dispatcher threads, one entry of a conversation at a time but many
 * conversations at once, so implementations must be thread-safe.
 *
 * <pre>{@code
 * Middleware closedOnSundays = (ctx, next) -> {
 *     if (isSunday() && !ctx.isReplyTask()) {
 *         ctx.send(new Text("We are closed today and will answer tomorrow."));
 *     }
 *     next.proceed();
 * };
 * Conversa.builder().middleware(Step.RESPOND, closedOnSundays);
 * }</pre>
 */
@FunctionalInterface
public interface Middleware {

    /**
     * Handles one inbox entry.
     *
     * @param ctx the entry being processed and what can be done with it
     * @param next the rest of the pipeline; call it at most once to pass the entry on
     * @throws RuntimeException to fail the entry, which is then retried or parked
     */
    void handle(Context ctx, Chain next);
}
