package dev.conversa.respond;

/**
 * A tenant's token usage added up.
 *
 * @param requests how many requests were made
 * @param inputTokens tokens sent
 * @param outputTokens tokens generated
 */
public record UsageTotals(long requests, long inputTokens, long outputTokens) {

    /** No usage. */
    public static final UsageTotals ZERO = new UsageTotals(0, 0, 0);

    /**
     * Tokens in and out together.
     *
     * @return the sum
     */
    public long totalTokens() {
        return inputTokens + outputTokens;
    }
}
