package dev.conversa.respond;

import java.util.Objects;
import java.util.Optional;

/**
 * The answer to "how does this customer feel": a {@link Sentiment}, or none and why not (the
 * responder reads no sentiment, as the rules responder; or the model gave no usable answer).
 *
 * <pre>{@code
 * SentimentReading reading = conversa.agents().sentiment(tenant, conversation);
 * String shown = reading.sentiment().map(s -> s.label().name()).orElse(reading.unavailable().orElseThrow());
 * }</pre>
 *
 * @param sentiment the reading, when there is one
 * @param unavailable why there is none, when there is none
 */
public record SentimentReading(Optional<Sentiment> sentiment, Optional<String> unavailable) {

    /** Checks that exactly one of the two is present. */
    public SentimentReading {
        Objects.requireNonNull(sentiment, "sentiment");
        Objects.requireNonNull(unavailable, "unavailable");
        if (sentiment.isPresent() == unavailable.isPresent()) {
            throw new IllegalArgumentException("give either a sentiment or why there is none");
        }
    }

    /**
     * A reading.
     *
     * @param sentiment the sentiment
     * @return the reading
     */
    public static SentimentReading of(Sentiment sentiment) {
        return new SentimentReading(Optional.of(sentiment), Optional.empty());
    }

    /**
     * No reading.
     *
     * @param reason why, for the agent, e.g. "the rules responder reads no sentiment"
     * @return the empty reading
     */
    public static SentimentReading unavailable(String reason) {
        return new SentimentReading(Optional.empty(), Optional.of(Objects.requireNonNull(reason, "reason")));
    }
}
