package dev.conversa.respond;

import dev.conversa.model.TenantId;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Adds up token usage per tenant, in memory. Pass it to the {@code usageListener} setting of an AI
 * responder ({@code OpenAiResponder}, {@code LangChain4jResponder}) and read the totals whenever
 * the host bills or reports.
 *
 * <p>Thread-safe: many conversations record at once while the host reads.
 *
 * <pre>{@code
 * UsageMeter meter = new UsageMeter();
 * OpenAiResponder responder = OpenAiResponder.builder().apiKey(key).usageListener(meter).build();
 * long spent = meter.totals(TenantId.of("rosa-bakery")).totalTokens();
 * }</pre>
 */
public final class UsageMeter implements UsageListener {

    private final Map<TenantId, UsageTotals> totals = new ConcurrentHashMap<>();

    /** Creates a meter with no usage. */
    public UsageMeter() {
        // nothing recorded yet
    }

    /**
     * Adds one request's usage to its tenant's totals.
     *
     * @param usage the usage
     */
    @Override
    public void onUsage(Usage usage) {
        Objects.requireNonNull(usage, "usage");
        totals.merge(usage.tenant(), new UsageTotals(1, usage.inputTokens(), usage.outputTokens()),
                (a, b) -> new UsageTotals(a.requests() + b.requests(), a.inputTokens() + b.inputTokens(),
                        a.outputTokens() + b.outputTokens()));
    }

    /**
     * A tenant's totals so far.
     *
     * @param tenant the business
     * @return its totals, {@link UsageTotals#ZERO} when it made no request
     */
    public UsageTotals totals(TenantId tenant) {
        return totals.getOrDefault(Objects.requireNonNull(tenant, "tenant"), UsageTotals.ZERO);
    }

    /**
     * Every tenant's totals so far.
     *
     * @return a snapshot, unmodifiable
     */
    public Map<TenantId, UsageTotals> snapshot() {
        return Map.copyOf(totals);
    }
}
