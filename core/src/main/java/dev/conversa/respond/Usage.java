package dev.conversa.respond;

import dev.conversa.model.TenantId;
import java.util.Objects;

/**
 * The tokens one request to the model used, for cost accounting. A reply that runs tools makes
 * one request per round, and each is reported.
 *
 * @param tenant the business the request was made for
 * @param model the model that answered
 * @param inputTokens tokens sent (the prompt)
 * @param outputTokens tokens generated (the completion)
 */
public record Usage(TenantId tenant, String model, long inputTokens, long outputTokens) {

    /**
     * Checks the fields.
     *
     * @throws IllegalArgumentException if a count is negative
     */
    public Usage {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(model, "model");
        if (inputTokens < 0 || outputTokens < 0) {
            throw new IllegalArgumentException("token counts must not be negative");
        }
    }
}
