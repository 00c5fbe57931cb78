package dev.conversa.jdbc.internal;

import dev.conversa.internal.json.ModelCodec;
import dev.conversa.lang.ConversaException;
import dev.conversa.model.OutboundMessage;
import dev.conversa.model.TenantId;
import dev.conversa.store.OutboxEntry;
import dev.conversa.store.OutboxState;
import java.sql.ResultSet;
import java.sql.SQLException;

/** The columns of {@code conversa_outbox} and their mapping to {@link OutboxEntry}. */
final class OutboxRows {

    static final String COLUMNS = "id, tenant, idempotency_key, channel, account_id, contact_id, message, state, "
            + "attempts, not_before, channel_message_id, last_error, fence, lease_until, created_at, "
            + "completes_handoff";

    private OutboxRows() {}

    /**
     * Reads a stored message.
     *
     * @throws UnreadableMessageException if another version wrote it in a form this one cannot read
     */
    private static OutboundMessage message(ResultSet row) throws SQLException {
        try {
            return ModelCodec.readMessage(row.getString("message"));
        } catch (IllegalArgumentException e) {
            throw new UnreadableMessageException(row.getLong("id"));
        }
    }

    /**
     * The entry as stored: its fence shows only while it is claimed, that is pending or sending
     * with a lease (expired or not: the claim holds until another one takes it).
     */
    static OutboxEntry entry(ResultSet row) throws SQLException {
        OutboxState state = OutboxState.valueOf(row.getString("state"));
        boolean claimed = (state == OutboxState.PENDING || state == OutboxState.SENDING)
                && row.getObject("lease_until") != null;
        return new OutboxEntry(row.getLong("id"), TenantId.of(row.getString("tenant")),
                message(row), row.getString("idempotency_key"), state,
                row.getInt("attempts"), Rows.instant(row, "not_before"), Rows.optionalText(row, "channel_message_id"),
                Rows.optionalText(row, "last_error"), claimed ? row.getLong("fence") : 0,
                Rows.instant(row, "created_at"), row.getBoolean("completes_handoff"));
    }

    /** A stored outbox message this version cannot read; names the entry only. */
    static final class UnreadableMessageException extends ConversaException {

        private static final long serialVersionUID = 1L;

        private final long id;

        UnreadableMessageException(long id) {
            super("outbox entry " + id + " holds a message this version cannot read");
            this.id = id;
        }

        long id() {
            return id;
        }
    }
}
