package dev.conversa.jdbc.internal;

import dev.conversa.internal.json.ModelCodec;
import dev.conversa.model.TenantId;
import dev.conversa.store.OutboxEntry;
import dev.conversa.store.OutboxState;
import java.sql.ResultSet;
import java.sql.SQLException;

/** The columns of {@code conversa_outbox} and their mapping to {@link OutboxEntry}. */
final class OutboxRows {

    static final String COLUMNS = "id, tenant, idempotency_key, channel, account_id, contact_id, message, state, "
            + "attempts, not_before, channel_message_id, last_error, fence, created_at";

    private OutboxRows() {}

    /** The entry as stored: its fence shows only while it is being sent. */
    static OutboxEntry entry(ResultSet row) throws SQLException {
        OutboxState state = OutboxState.valueOf(row.getString("state"));
        return new OutboxEntry(row.getLong("id"), TenantId.of(row.getString("tenant")),
                ModelCodec.readMessage(row.getString("message")), row.getString("idempotency_key"), state,
                row.getInt("attempts"), Rows.instant(row, "not_before"), Rows.optionalText(row, "channel_message_id"),
                Rows.optionalText(row, "last_error"), state == OutboxState.SENDING ? row.getLong("fence") : 0,
                Rows.instant(row, "created_at"));
    }
}
