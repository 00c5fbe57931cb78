package dev.conversa.pipeline;

import dev.conversa.model.Conversation;
import dev.conversa.model.ConversationKey;
import dev.conversa.model.InboundEvent;
import dev.conversa.model.OutboundContent;
import dev.conversa.model.TenantId;
import java.time.Instant;
import java.util.Optional;

/**
 * One inbox entry on its way through the pipeline: an inbound event, or a reply task (the
 * bot's turn to answer after a burst of customer messages).
 *
 * <p>Stopping the chain is done by not calling {@link Chain#proceed()}; there is no
 * separate stop method.
 *
 * <p>A context belongs to one entry and is used by one thread at a time; it is not
 * thread-safe.
 */
public interface Context {

    /**
     * The business the entry belongs to.
     *
     * @return the tenant
     */
    TenantId tenant();

    /**
     * The conversation the entry belongs to.
     *
     * @return its key
     */
    ConversationKey conversationKey();

    /**
     * The inbox's id of the entry, stable across retries. A reply due at once is answered in
     * the pass of the message that made it due, as a reply task with that message's id: an
     * entry id then names two passes, the message's and its reply's.
     *
     * @return the id
     */
    long entryId();

    /**
     * The event being processed.
     *
     * @return the event, or empty for a reply task
     */
    Optional<InboundEvent> event();

    /**
     * Tells whether this entry is a reply task rather than an event: a reply due later, waiting
     * in the inbox, or one due at once, answered right after the message's pass that made it
     * due ({@link Pipeline#process(dev.conversa.store.InboxEntry, java.util.function.BooleanSupplier)}).
     *
     * @return true for a reply task
     */
    boolean isReplyTask();

    /**
     * Reads the conversation from the store now, so that changes made by earlier steps (or by
     * a person taking over meanwhile) are seen.
     *
     * @return the conversation, or empty if it does not exist (yet)
     */
    Optional<Conversation> conversation();

    /**
     * The current time from the configured clock.
     *
     * @return now
     */
    Instant now();

    /**
     * Queues a message from the bot to this conversation through the send gate. It is stored
     * at once with status {@code PENDING} and sent by the outbox worker, which checks again at
     * send time that the bot may still speak and that the channel's reply window is open.
     * Sending is idempotent per entry: when the entry runs again, the n-th send of this
     * context returns the entry queued by the n-th send of the earlier run.
     *
     * @param content what to send
     * @throws NullPointerException if content is null
     */
    void send(OutboundContent content);

    /**
     * Returns a value attached by an earlier middleware.
     *
     * @param key the key
     * @param <T> the type of the value
     * @return the value, when attached
     */
    <T> Optional<T> attribute(AttributeKey<T> key);

    /**
     * Attaches a value for later middleware, replacing any earlier one.
     *
     * @param key the key
     * @param value the value
     * @param <T> the type of the value
     * @throws NullPointerException if an argument is null
     */
    <T> void attribute(AttributeKey<T> key, T value);
}
