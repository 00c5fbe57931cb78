package dev.conversa.jdbc.internal;

import dev.conversa.model.ChannelType;
import dev.conversa.model.ConversationKey;
import dev.conversa.model.TenantId;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * One conversation's queue of work: the unit that is worked on by one worker at a time.
 *
 * @param tenant the tenant's id
 * @param channel the channel's name
 * @param accountId the business account's id
 * @param contactId the customer's id
 */
record Lane(String tenant, String channel, String accountId, String contactId) {

    /** The condition that selects a lane's rows; bind with {@link #values()}. */
    static final String WHERE = " tenant = ? AND channel = ? AND account_id = ? AND contact_id = ?";

    static Lane of(TenantId tenant, ConversationKey key) {
        return new Lane(tenant.value(), key.channel().value(), key.accountId(), key.contactId());
    }

    static Lane read(ResultSet row) throws SQLException {
        return new Lane(row.getString("tenant"), row.getString("channel"), row.getString("account_id"),
                row.getString("contact_id"));
    }

    TenantId tenantId() {
        return TenantId.of(tenant);
    }

    ConversationKey key() {
        return new ConversationKey(new ChannelType(channel), accountId, contactId);
    }

    Object[] values() {
        return new Object[] {tenant, channel, accountId, contactId};
    }

    /** Returns this lane's values followed by more values to bind. */
    Object[] valuesAnd(Object... more) {
        return Rows.join(values(), more);
    }
}
