package dev.conversa.store;

import dev.conversa.model.ChannelType;
import dev.conversa.model.TenantId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Who agreed to receive what: every consent change of the people who write to a tenant, per
 * channel and topic. The pipeline records the changes a channel reports; the host records its
 * own (a STOP keyword, a web form) with {@link #record}, and asks {@link #isOptedOut} before it
 * sends anything the person may have declined.
 *
 * <pre>{@code
 * consents.record(new ConsentRecord(tenant, ChannelType.WHATSAPP, waId, ConsentRecord.ALL, false,
 *         clock.instant(), ConsentRecord.SOURCE_KEYWORD));
 * if (!consents.isOptedOut(tenant, ChannelType.WHATSAPP, waId, "marketing_messages")) { ... }
 * }</pre>
 *
 * <p>Implementations are thread-safe.
 */
public interface ConsentStore {

    /**
     * Records a change. A change with the same tenant, channel, contact, topic and time as a
     * stored one replaces it, so recording the same change again (a redelivered webhook) keeps
     * one; a change older than the stored latest one stays in the history without becoming
     * the current state.
     *
     * @param change the change
     */
    void record(ConsentRecord change);

    /**
     * The person's current state for one topic: the change with the latest time.
     *
     * @param tenant the business
     * @param channel the channel
     * @param contactId the person's id there
     * @param topic the topic, matched exactly ({@link ConsentRecord#ALL} is not consulted)
     * @return the latest change, empty if the person never changed this topic
     */
    Optional<ConsentRecord> latest(TenantId tenant, ChannelType channel, String contactId, String topic);

    /**
     * Every change of a person on a channel, oldest first, for export and review.
     *
     * @param tenant the business
     * @param channel the channel
     * @param contactId the person's id there
     * @return the changes, empty if none
     */
    List<ConsentRecord> list(TenantId tenant, ChannelType channel, String contactId);

    /**
     * Removes every change of a person on a channel, for erasure.
     *
     * @param tenant the business
     * @param channel the channel
     * @param contactId the person's id there
     * @return how many changes were removed
     */
    int delete(TenantId tenant, ChannelType channel, String contactId);

    /**
     * Tells whether the person declined a topic: true when the newest of their latest change
     * for the topic and their latest change for {@link ConsentRecord#ALL} is an opt-out. So a
     * STOP covers every topic, and a later opt-in to one topic lifts it for that topic only.
     * Never having changed anything is not an opt-out.
     *
     * @param tenant the business
     * @param channel the channel
     * @param contactId the person's id there
     * @param topic the topic
     * @return true if the person opted out
     */
    default boolean isOptedOut(TenantId tenant, ChannelType channel, String contactId, String topic) {
        Objects.requireNonNull(topic, "topic");
        Optional<ConsentRecord> forTopic = latest(tenant, channel, contactId, topic);
        Optional<ConsentRecord> forAll = topic.equals(ConsentRecord.ALL)
                ? Optional.empty() : latest(tenant, channel, contactId, ConsentRecord.ALL);
        Optional<ConsentRecord> newest = forTopic.isEmpty() ? forAll
                : forAll.filter(all -> all.at().isAfter(forTopic.get().at())).or(() -> forTopic);
        return newest.map(change -> !change.optedIn()).orElse(false);
    }
}
