package dev.conversa.observe;

import dev.conversa.model.ChannelType;
import java.time.Duration;
import java.util.List;

/**
 * Hears timings and outcomes of Conversa's work, for metrics. Every method has an empty default,
 * so an observer overrides what it records. The arguments name the channel and never a person,
 * a contact, an account or a message, so they are safe as metric tags.
 *
 * <p>Methods are called on Conversa's worker threads and the webhook's request threads,
 * concurrently: implementations must be thread-safe and quick. An exception thrown by an
 * observer is logged at DEBUG and ignored; it never changes the work observed.
 *
 * <pre>{@code
 * Conversa conversa = Conversa.builder()
 *     .observer(new ConversaObserver() {
 *         public void sendFinished(ChannelType channel, SendOutcome outcome, Duration latency) {
 *             sendTimer(channel.value(), outcome.name()).record(latency);
 *         }
 *     })
 *     ...
 * }</pre>
 */
public interface ConversaObserver {

    /** Observes nothing. */
    ConversaObserver NONE = new ConversaObserver() { };

    /**
     * Combines observers: each call goes to every one of them, in order; an exception one of them
     * throws does not keep the call from the others.
     *
     * @param observers the observers
     * @return an observer telling all of them; {@link #NONE} when none is left after leaving
     *     {@link #NONE} out, the observer itself for one
     * @throws NullPointerException if the list or an observer in it is null
     */
    static ConversaObserver all(List<? extends ConversaObserver> observers) {
        return ObserverGroup.of(observers);
    }

    /**
     * A webhook call was answered: its HTTP status and how long the handler took from the call to
     * the answer (signature check, parsing and, for a 200 with events, their durable append). A
     * slow 200 is the first sign that the database or the machine is overloaded; Meta delivers
     * again when answers take too long.
     *
     * @param status the HTTP status answered
     * @param latency how long the handler took
     */
    default void webhookAnswered(int status, Duration latency) { }

    /**
     * A reply was queued in the outbox: the pipeline's latency from the customer's latest
     * message (its timestamp as the channel sent it) to the first message of the reply queued.
     *
     * @param channel the conversation's channel
     * @param sinceReceipt from the latest inbound message to the reply queued, never negative
     */
    default void replyQueued(ChannelType channel, Duration sinceReceipt) { }

    /**
     * The responder answered a reply task (an answer, a handoff or silence) or failed.
     *
     * @param channel the conversation's channel
     * @param outcome {@code answer}, {@code handoff}, {@code silence} or {@code failed}
     * @param latency how long the responder took
     */
    default void responderFinished(ChannelType channel, String outcome, Duration latency) { }

    /**
     * A send was tried: the outbox asked the channel adapter to send an entry, and this is how
     * it ended. Entries refused before a request (opted out, outside the window, no account) and
     * entries of a parked account that were not tried are not reported.
     *
     * @param channel the channel
     * @param outcome how it ended
     * @param latency from the start of the attempt to its outcome recorded
     */
    default void sendFinished(ChannelType channel, SendOutcome outcome, Duration latency) { }

    /**
     * A responder's request to its model used tokens. Conversa itself does not call this: a
     * responder that counts tokens does, such as {@code OpenAiResponder} through its usage
     * listener ({@code .usageListener(usage -> observer.tokensUsed(usage.model(),
     * usage.inputTokens(), usage.outputTokens()))}), as the Spring Boot starter wires it.
     *
     * @param model the model's name
     * @param inputTokens the tokens sent to the model
     * @param outputTokens the tokens the model returned
     */
    default void tokensUsed(String model, long inputTokens, long outputTokens) { }
}
