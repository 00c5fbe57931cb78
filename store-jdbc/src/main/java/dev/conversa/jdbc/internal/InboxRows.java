package dev.conversa.jdbc.internal;

import dev.conversa.internal.json.ModelCodec;
import dev.conversa.model.InboundEvent;
import dev.conversa.store.InboxEntry;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/** The columns of {@code conversa_inbox} and their mapping to {@link InboxEntry}. */
final class InboxRows {

    static final String COLUMNS = "id, tenant, channel, account_id, contact_id, external_id, event, status, "
            + "not_before, attempts, fence, lease_until";
    static final String PENDING = "PENDING";
    static final String CLAIMED = "CLAIMED";
    static final String COMPLETED = "COMPLETED";
    static final String PARKED = "PARKED";

    private InboxRows() {}

    /** The entry as stored: its fence shows only while it is claimed. */
    static InboxEntry entry(ResultSet row) throws SQLException {
        Lane lane = Lane.read(row);
        Optional<InboundEvent> event = Optional.ofNullable(row.getString("event")).map(ModelCodec::readEvent);
        long fence = CLAIMED.equals(row.getString("status")) ? row.getLong("fence") : 0;
        return new InboxEntry(row.getLong("id"), lane.tenantId(), lane.key(), event, Rows.instant(row, "not_before"),
                row.getInt("attempts"), fence);
    }

    /** Shortens diagnostics to their column's size. */
    static String clip(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max);
    }
}
