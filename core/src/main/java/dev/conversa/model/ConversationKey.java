package dev.conversa.model;

import java.util.Objects;

/**
 * Names one conversation within a tenant: one customer writing to one business account on one
 * channel. Events of the same key are processed in order, one at a time.
 *
 * @param channel the channel
 * @param accountId the business account's id on that channel (phone number id, Page id,
 *     Instagram account id)
 * @param contactId the customer's id on that channel (wa_id or business-scoped user id, PSID,
 *     IGSID)
 */
public record ConversationKey(ChannelType channel, String accountId, String contactId) {

    /** Checks that no part is null or blank. */
    public ConversationKey {
        Objects.requireNonNull(channel, "channel");
        Ids.requireId(accountId, "accountId");
        Ids.requireId(contactId, "contactId");
    }

    /**
     * Returns this key as one string, {@code channel:account:contact}, fit for logs: it holds
     * no message text, but the contact id may be a phone number, so log it at DEBUG only.
     */
    @Override
    public String toString() {
        return channel.value() + ':' + accountId + ':' + contactId;
    }
}
