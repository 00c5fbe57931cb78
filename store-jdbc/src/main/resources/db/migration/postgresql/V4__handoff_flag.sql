-- Conversa schema, version 4, for PostgreSQL: the handoff flag of outbox entries.
-- Applied by JdbcStores.migrate() after V3, or as it is by Flyway (locations: classpath:db/migration/postgresql).

-- Whether an outbox entry is the responder's last message before a handoff; the handoff is told
-- to the host's listeners once it left the outbox. Earlier versions said so with the idempotency
-- key prefix 'handoff:', so the rows they queued keep their meaning.
ALTER TABLE conversa_outbox ADD COLUMN completes_handoff BOOLEAN DEFAULT FALSE NOT NULL;
UPDATE conversa_outbox SET completes_handoff = TRUE WHERE idempotency_key LIKE 'handoff:%';
