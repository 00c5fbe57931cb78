package dev.conversa.store;

import dev.conversa.model.ChannelType;
import dev.conversa.model.ConversationKey;
import dev.conversa.model.DeliveryStatus;
import dev.conversa.model.MessageRecord;
import dev.conversa.model.TenantId;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The history of every conversation. A message is identified by tenant, channel and message
 * id. Implementations are thread-safe.
 */
public interface MessageStore {

    /**
     * Adds a message unless one with the same tenant, channel and id exists.
     *
     * @param message the message
     * @return true if added, false if it was already there
     */
    boolean append(MessageRecord message);

    /**
     * Adds a message as {@link #append} does, at its timestamp or, when its conversation's history
     * already holds a later message, at that message's time, so that it sorts after it: a message
     * that came by webhook carries the channel's clock (WhatsApp's in whole seconds), which may be
     * behind the time the bot's reply was recorded. The default reads the latest message, then
     * appends.
     *
     * @param message the message, with the channel's time
     * @return true if added, false if it was already there
     */
    default boolean appendNotBeforeLatest(MessageRecord message) {
        Objects.requireNonNull(message, "message");
        Instant at = history(message.tenant(), message.conversation(), 1).stream()
                .map(MessageRecord::timestamp)
                .filter(latest -> latest.isAfter(message.timestamp()))
                .findFirst()
                .orElse(message.timestamp());
        return append(message.withTimestamp(at));
    }

    /**
     * Moves a message's status forward; a status that is not after the stored one (see
     * {@link DeliveryStatus#isAfter}) changes nothing, so late or repeated status webhooks
     * never move it back.
     *
     * @param tenant the business
     * @param channel the channel
     * @param messageId the channel's message id, or a part's id
     * @param status the reported status
     * @return true if the stored status changed
     */
    boolean updateStatus(TenantId tenant, ChannelType channel, String messageId, DeliveryStatus status);

    /**
     * Gives a stored message the ids the channel assigned when it accepted it. The first becomes
     * its id; the others name the further parts the channel delivered it in (a caption sent
     * after its media, a text after buttons), so that {@link #find} and {@link #updateStatus}
     * reach the message by any of them. If a record is already stored under the new id (an echo
     * that overtook the rename), the two become one, keeping the furthest status.
     *
     * @param tenant the business
     * @param channel the channel
     * @param oldId the id it was stored with
     * @param newIds the channel's ids, at least one, the message's own first
     * @return true if the message was found
     * @throws IllegalArgumentException if {@code newIds} is empty
     */
    boolean rename(TenantId tenant, ChannelType channel, String oldId, List<String> newIds);

    /**
     * Renames a stored message as {@link #rename(TenantId, ChannelType, String, List)} does and
     * moves its status to {@code status} in the same step, only forward, as {@link #updateStatus}
     * would: the outbox sender records a message the channel accepted with its ids and its status
     * at once. The default renames, then updates the status under the new id.
     *
     * @param tenant the business
     * @param channel the channel
     * @param oldId the id it was stored with
     * @param newIds the channel's ids, at least one, the message's own first
     * @param status the status to move it to (never back)
     * @return true if the message was found
     * @throws IllegalArgumentException if {@code newIds} is empty
     */
    default boolean rename(TenantId tenant, ChannelType channel, String oldId, List<String> newIds,
            DeliveryStatus status) {
        Objects.requireNonNull(status, "status");
        if (!rename(tenant, channel, oldId, newIds)) {
            return false;
        }
        updateStatus(tenant, channel, newIds.get(0), status);
        return true;
    }

    /**
     * Replaces a message's text after it was edited (by the customer, or by the business elsewhere).
     *
     * @param tenant the business
     * @param channel the channel
     * @param messageId the channel's message id
     * @param kind the new content's kind
     * @param text the new text
     * @return true if the message was found
     */
    boolean edit(TenantId tenant, ChannelType channel, String messageId, String kind, Optional<String> text);

    /**
     * Finds a message by its id or the id of one of its parts.
     *
     * @param tenant the business
     * @param channel the channel
     * @param messageId the channel's message id, or a part's id
     * @return the message, when stored
     */
    Optional<MessageRecord> find(TenantId tenant, ChannelType channel, String messageId);

    /**
     * The latest messages of a conversation, oldest first.
     *
     * @param tenant the business
     * @param conversation the conversation
     * @param limit the most to return
     * @return up to {@code limit} of the newest messages, in time order
     */
    List<MessageRecord> history(TenantId tenant, ConversationKey conversation, int limit);

    /**
     * Removes one message.
     *
     * @param tenant the business
     * @param channel the channel
     * @param messageId the channel's message id
     * @return true if it existed
     */
    boolean delete(TenantId tenant, ChannelType channel, String messageId);

    /**
     * Removes every message of a conversation.
     *
     * @param tenant the business
     * @param conversation the conversation
     * @return how many were removed
     */
    int deleteConversation(TenantId tenant, ConversationKey conversation);

    /**
     * Lists, without content, a tenant's messages written from {@code from} (inclusive) to
     * {@code to} (exclusive), oldest first: what the manager's metrics count.
     *
     * @param tenant the business
     * @param from the start of the period
     * @param to the end of the period
     * @return the marks
     */
    List<MessageMark> marks(TenantId tenant, Instant from, Instant to);
}
