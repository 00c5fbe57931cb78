-- Conversa schema, version 5, for H2 2.x: indexes for the retention purges.
-- Applied by JdbcStores.migrate() after V3 (and V4 when present), or as it is by Flyway
-- (locations: classpath:db/migration/h2). Each purge removes a bounded batch, oldest first, in
-- one short transaction; these indexes let it find the batch without scanning the table.

-- Idle conversations over every tenant (the per-tenant index conversa_conversation_recent serves
-- a single tenant).
CREATE INDEX conversa_conversation_idle ON conversa_conversation (updated_at);

-- Finished outbox entries by the time they were enqueued.
CREATE INDEX conversa_outbox_finished ON conversa_outbox (state, created_at);

-- Audit events by time, over every tenant.
CREATE INDEX conversa_audit_age ON conversa_audit (occurred_at, seq);

-- Done deletion requests by their last change.
CREATE INDEX conversa_deletion_request_done ON conversa_deletion_request (status, updated_at);
