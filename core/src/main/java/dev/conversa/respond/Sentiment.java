package dev.conversa.respond;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * How the customer seems to feel and what they want, as a model read it from the conversation,
 * for the agent who takes over. A reading, not a fact: shown to agents, never sent to the
 * customer. {@link #toString()} leaves the intent and the reason out, as they may quote the
 * customer.
 *
 * @param label positive, neutral or negative
 * @param intent what the customer wants, in a few words
 * @param reason the model's short reason for the label
 */
public record Sentiment(Label label, String intent, String reason) {

    /** The overall feeling. */
    public enum Label {
        /** Pleased, thankful. */
        POSITIVE,
        /** Neither. */
        NEUTRAL,
        /** Annoyed, worried, angry. */
        NEGATIVE;

        /**
         * Reads a label, ignoring case and surrounding space.
         *
         * @param text "positive", "neutral" or "negative"
         * @return the label, or empty for anything else
         */
        public static Optional<Label> parse(String text) {
            if (text == null) {
                return Optional.empty();
            }
            String value = text.strip().toUpperCase(Locale.ROOT);
            for (Label label : values()) {
                if (label.name().equals(value)) {
                    return Optional.of(label);
                }
            }
            return Optional.empty();
        }
    }

    /** Checks the fields are not null. */
    public Sentiment {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(intent, "intent");
        Objects.requireNonNull(reason, "reason");
    }

    @Override
    public String toString() {
        return "Sentiment[" + label + "]";
    }
}
