package dev.conversa.jdbc.internal;

import dev.conversa.internal.json.ModelCodec;
import dev.conversa.model.ChannelType;
import dev.conversa.model.EventHeader;
import dev.conversa.model.InboundEvent;
import dev.conversa.model.Unsupported;
import dev.conversa.store.InboxEntry;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/** The columns of {@code conversa_inbox} and their mapping to {@link InboxEntry}. */
final class InboxRows {

    static final String COLUMNS = "id, tenant, channel, account_id, contact_id, external_id, event, status, "
            + "not_before, attempts, fence, lease_until, created_at, task";
    /** The {@code task} of a timer entry: a queue's SLA check. */
    static final String TIMER = "SLA";
    /** The type of the {@link Unsupported} event that stands for a stored event this version cannot read. */
    static final String UNREADABLE = "conversa.unreadable-stored-event";
    static final String CLAIMED = "CLAIMED";

    private InboxRows() {}

    /**
     * Reads a stored event; one written by another version in a form this one cannot read
     * becomes an {@link Unsupported} event with the stored JSON, so it is neither lost nor
     * blocks its conversation.
     */
    private static InboundEvent event(ResultSet row, Lane lane, String json) throws SQLException {
        try {
            return ModelCodec.readEvent(json);
        } catch (IllegalArgumentException e) {
            EventHeader header = new EventHeader(new ChannelType(lane.channel()), lane.accountId(), lane.contactId(),
                    row.getString("external_id"), Rows.instant(row, "created_at"));
            return new Unsupported(header, UNREADABLE, json);
        }
    }

    /** The entry as stored: its fence shows only while it is claimed. */
    static InboxEntry entry(ResultSet row) throws SQLException {
        Lane lane = Lane.read(row);
        String json = row.getString("event");
        Optional<InboundEvent> event = json == null ? Optional.empty() : Optional.of(event(row, lane, json));
        long fence = CLAIMED.equals(row.getString("status")) ? row.getLong("fence") : 0;
        return new InboxEntry(row.getLong("id"), lane.tenantId(), lane.key(), event, Rows.instant(row, "not_before"),
                row.getInt("attempts"), fence, TIMER.equals(row.getString("task")));
    }
}
