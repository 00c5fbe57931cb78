package dev.conversa.internal.privacy;

import dev.conversa.internal.privacy.LinkedIdentities.ChannelId;
import dev.conversa.model.ChannelType;
import dev.conversa.model.TenantId;
import dev.conversa.store.ConsentRecord;
import dev.conversa.store.Stores;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A person's consent across the system: the newest change of a topic among all their linked
 * identities ({@link LinkedIdentities}), on every channel of the tenant. A STOP written on
 * WhatsApp therefore covers the same person on Messenger and Instagram, and a START on any of
 * them lifts it everywhere. Channel opt-outs (Meta's marketing preferences, recorded by the
 * pipeline's RECORD step) live in the same {@code ConsentStore}, so they are read the same way.
 *
 * <p>The pipeline's consent step queues the confirmation of a keyword under an outbox key that
 * starts with {@link #CONFIRMATION_KEY_PREFIX}; the send gate lets that one message through an
 * opt-out, and the public enqueue methods refuse keys with this prefix.
 *
 * <p><b>Internal:</b> public only because the pipeline and the outbox sender share it.
 * Stateless and thread-safe.
 */
public final class PersonConsent {

    /** The outbox key prefix of keyword confirmations: {@code "consent:" + inbox entry id}. */
    public static final String CONFIRMATION_KEY_PREFIX = "consent:";

    private PersonConsent() {}

    /**
     * The person's newest change of a topic, before a time, across their linked identities.
     *
     * @param stores the stores
     * @param tenant the business
     * @param channel the channel the person is reached on
     * @param contactId their id there
     * @param topic the topic, such as {@link ConsentRecord#ALL}
     * @param before only changes strictly before this time count; {@link Instant#MAX} for all
     * @return the newest change, empty if none
     */
    public static Optional<ConsentRecord> newest(Stores stores, TenantId tenant, ChannelType channel,
            String contactId, String topic, Instant before) {
        Objects.requireNonNull(before, "before");
        return newest(changes(stores, tenant, channel, contactId, topic), before);
    }

    /**
     * Every change of a topic the person made, across their linked identities, in no particular
     * order: one read for several questions ({@link #newest(List, Instant)}).
     *
     * @param stores the stores
     * @param tenant the business
     * @param channel the channel the person is reached on
     * @param contactId their id there
     * @param topic the topic, such as {@link ConsentRecord#ALL}
     * @return the changes
     */
    public static List<ConsentRecord> changes(Stores stores, TenantId tenant, ChannelType channel, String contactId,
            String topic) {
        Objects.requireNonNull(topic, "topic");
        Set<ChannelId> identities = new LinkedHashSet<>();
        identities.add(new ChannelId(channel, contactId));
        identities.addAll(LinkedIdentities.link(stores.contacts(), tenant, contactId).channelIds());
        List<ConsentRecord> changes = new ArrayList<>();
        for (ChannelId id : identities) {
            for (ConsentRecord change : stores.consents().list(tenant, id.channel(), id.id())) {
                if (change.topic().equals(topic)) {
                    changes.add(change);
                }
            }
        }
        return changes;
    }

    /**
     * The newest of some changes before a time.
     *
     * @param changes the changes, as {@link #changes} read them
     * @param before only changes strictly before this time count; {@link Instant#MAX} for all
     * @return the newest change, empty if none
     */
    public static Optional<ConsentRecord> newest(List<ConsentRecord> changes, Instant before) {
        Objects.requireNonNull(before, "before");
        ConsentRecord newest = null;
        for (ConsentRecord change : changes) {
            if (change.at().isBefore(before) && (newest == null || change.at().isAfter(newest.at()))) {
                newest = change;
            }
        }
        return Optional.ofNullable(newest);
    }

    /**
     * When the person opted out of everything ({@link ConsentRecord#ALL}), if that is their
     * standing choice on any of their linked identities.
     *
     * @param stores the stores
     * @param tenant the business
     * @param channel the channel the person is reached on
     * @param contactId their id there
     * @return the time of the standing opt-out, empty if they did not opt out or opted in again
     */
    public static Optional<Instant> optedOutAt(Stores stores, TenantId tenant, ChannelType channel,
            String contactId) {
        return newest(stores, tenant, channel, contactId, ConsentRecord.ALL, Instant.MAX)
                .filter(change -> !change.optedIn())
                .map(ConsentRecord::at);
    }

    /**
     * Tells whether an outbox key is a keyword confirmation's.
     *
     * @param idempotencyKey the outbox entry's key
     * @return true for keys queued by the consent step
     */
    public static boolean isConfirmation(String idempotencyKey) {
        return idempotencyKey.startsWith(CONFIRMATION_KEY_PREFIX);
    }
}
