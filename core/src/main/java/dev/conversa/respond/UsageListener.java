package dev.conversa.respond;

/**
 * Hears the token usage of every request to the model, for example to bill each tenant.
 *
 * <p>Called on the thread that made the request, right after the answer arrived; keep it quick.
 * An exception is logged and ignored: it never costs the customer an answer. Implementations
 * must be thread-safe. {@link UsageMeter} is one that keeps totals per tenant.
 *
 * <pre>{@code
 * UsageListener billing = usage -> ledger.add(usage.tenant(), usage.inputTokens(), usage.outputTokens());
 * }</pre>
 */
@FunctionalInterface
public interface UsageListener {

    /** Ignores usage. */
    UsageListener NONE = usage -> { };

    /**
     * Receives one request's usage.
     *
     * @param usage the tenant, the model and the tokens in and out
     */
    void onUsage(Usage usage);
}
