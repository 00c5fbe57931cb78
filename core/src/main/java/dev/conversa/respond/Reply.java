package dev.conversa.respond;

import dev.conversa.model.OutboundContent;
import dev.conversa.model.Text;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** What a responder decided. All implementations are immutable records. */
public sealed interface Reply {

    /**
     * Send these messages, in order.
     *
     * @param messages at least one message
     */
    record Answer(List<OutboundContent> messages) implements Reply {
        /**
         * Copies the list.
         *
         * @throws IllegalArgumentException if it is empty
         */
        public Answer {
            messages = List.copyOf(messages);
            if (messages.isEmpty()) {
                throw new IllegalArgumentException("an answer needs at least one message");
            }
        }
    }

    /**
     * Hand the conversation to a person: it moves to {@code WAITING_FOR_AGENT} and the bot
     * stays silent until a person gives it back.
     *
     * @param messageToCustomer what to tell the customer first, when anything
     * @param reason why, for the agents
     */
    record Handoff(Optional<String> messageToCustomer, String reason) implements Reply {
        /** Checks the fields are not null. */
        public Handoff {
            Objects.requireNonNull(messageToCustomer, "messageToCustomer");
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** Say nothing. */
    record Silence() implements Reply {}

    /**
     * One text message.
     *
     * @param body the text
     * @return the answer
     */
    static Reply text(String body) {
        return new Answer(List.of(new Text(body)));
    }

    /**
     * Say nothing.
     *
     * @return silence
     */
    static Reply silence() {
        return new Silence();
    }
}
