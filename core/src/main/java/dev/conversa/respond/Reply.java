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
     * Hand the conversation to a person: it moves to {@code WAITING_FOR_AGENT} and waits in a
     * queue (the named one, or the tenant's default queue) until an agent takes it; the bot stays
     * silent until a person gives it back.
     *
     * @param messageToCustomer what to tell the customer first, when anything
     * @param reason why, for the agents
     * @param queue the id of the queue to wait in, or empty for the tenant's default queue
     */
    record Handoff(Optional<String> messageToCustomer, String reason, Optional<String> queue) implements Reply {
        /** Checks the fields are not null. */
        public Handoff {
            Objects.requireNonNull(messageToCustomer, "messageToCustomer");
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(queue, "queue");
        }

        /**
         * A handoff to the tenant's default queue.
         *
         * @param messageToCustomer what to tell the customer first, when anything
         * @param reason why, for the agents
         */
        public Handoff(Optional<String> messageToCustomer, String reason) {
            this(messageToCustomer, reason, Optional.empty());
        }

        /**
         * A copy routed to a queue.
         *
         * @param queueId the id of the queue to wait in
         * @return the copy
         */
        public Handoff toQueue(String queueId) {
            return new Handoff(messageToCustomer, reason, Optional.of(Objects.requireNonNull(queueId, "queue")));
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
