package dev.conversa.agent;

import dev.conversa.model.TenantId;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What a manager reads about a tenant's conversations in a period, computed from stored
 * messages and handoff steps ({@link HandoffEvent}), so the figures survive restarts and agree
 * across instances. Obtained from {@code conversa.agents().metrics(tenant, from, to)}.
 *
 * <p>The period runs from {@code from} (inclusive) to {@code to} (exclusive). A handoff counts
 * in the period it started: its queue wait, first response and resolution are measured from
 * that start, with the steps and agent messages inside the period. Queue depth and the oldest
 * waiting are the state at {@code takenAt}, not of the period.
 *
 * @param tenant the business
 * @param from the start of the period
 * @param to the end of the period
 * @param takenAt when the figures were computed: the time of the queue figures
 * @param firstResponse from a handoff to the first message of an agent in the conversation
 * @param resolution from a handoff to its release to the bot or close
 * @param queueWait each wait in a queue (from the handoff or a transfer to the queue) that ended
 *     with an agent getting the conversation
 * @param queues each of the tenant's queues (and the default one) with what waits in it now
 * @param conversationsPerAgent by agent id, how many conversations the agent got in the period
 * @param messagesPerChannel by channel ({@code ChannelType.value()}), how many messages (from
 *     customers, the bot and agents) were stored for the period
 * @param conversations conversations in which the customer wrote in the period
 * @param handedOff conversations handed to a person in the period
 * @param botResolved of {@code conversations}, those not handed to a person in the period
 */
public record AgentMetrics(TenantId tenant, Instant from, Instant to, Instant takenAt, Timing firstResponse,
        Timing resolution, Timing queueWait, List<QueueNow> queues, Map<String, Integer> conversationsPerAgent,
        Map<String, Integer> messagesPerChannel, int conversations, int handedOff, int botResolved) {

    /** Checks the fields and copies the collections (maps sorted by key). */
    public AgentMetrics {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(takenAt, "takenAt");
        Objects.requireNonNull(firstResponse, "firstResponse");
        Objects.requireNonNull(resolution, "resolution");
        Objects.requireNonNull(queueWait, "queueWait");
        queues = List.copyOf(queues);
        conversationsPerAgent = Collections.unmodifiableMap(new TreeMap<>(conversationsPerAgent));
        messagesPerChannel = Collections.unmodifiableMap(new TreeMap<>(messagesPerChannel));
    }

    /**
     * Durations measured in the period.
     *
     * @param count how many were measured
     * @param average their mean, zero when none
     * @param longest the longest, zero when none
     */
    public record Timing(int count, Duration average, Duration longest) {

        /** Nothing measured. */
        public static final Timing NONE = new Timing(0, Duration.ZERO, Duration.ZERO);

        /** Checks the fields. */
        public Timing {
            Objects.requireNonNull(average, "average");
            Objects.requireNonNull(longest, "longest");
            if (count < 0) {
                throw new IllegalArgumentException("count must not be negative");
            }
        }

        /**
         * Summarises durations.
         *
         * @param durations the durations
         * @return their count, mean and longest
         */
        public static Timing of(List<Duration> durations) {
            if (durations.isEmpty()) {
                return NONE;
            }
            Duration total = durations.stream().reduce(Duration.ZERO, Duration::plus);
            return new Timing(durations.size(), total.dividedBy(durations.size()),
                    durations.stream().max(Duration::compareTo).orElseThrow());
        }
    }

    /**
     * A queue as it is now.
     *
     * @param queue the queue's id
     * @param waiting how many conversations wait in it
     * @param oldestWaiting how long the longest waiting one has waited, empty when none waits
     */
    public record QueueNow(String queue, int waiting, Optional<Duration> oldestWaiting) {

        /** Checks the fields. */
        public QueueNow {
            Objects.requireNonNull(queue, "queue");
            Objects.requireNonNull(oldestWaiting, "oldestWaiting");
            if (waiting < 0) {
                throw new IllegalArgumentException("waiting must not be negative");
            }
        }
    }
}
