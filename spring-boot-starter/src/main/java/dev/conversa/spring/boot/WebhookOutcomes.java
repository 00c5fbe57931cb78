package dev.conversa.spring.boot;

/** Told the status of every webhook call answered; the metrics implement it. */
interface WebhookOutcomes {

    /**
     * Records one answered call.
     *
     * @param status the HTTP status sent
     */
    void answered(int status);
}
