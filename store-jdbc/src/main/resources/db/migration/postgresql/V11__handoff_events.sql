-- Conversa schema, version 11, for PostgreSQL 12+: the steps of conversations handed to a person, for the
-- manager's metrics, and an index to count a tenant's messages by time.
-- Applied by JdbcStores.migrate() after the versions before it, or as it is by Flyway (locations: classpath:db/migration/postgresql).

-- A step of a handoff: QUEUED, ASSIGNED, REQUEUED, RELEASED or CLOSED. Erased with the person.
CREATE TABLE conversa_handoff_event (
    seq        BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tenant     VARCHAR(100) NOT NULL,
    channel    VARCHAR(40)  NOT NULL,
    account_id VARCHAR(200) NOT NULL,
    contact_id VARCHAR(200) NOT NULL,
    kind       VARCHAR(16)  NOT NULL,
    queue_id   VARCHAR(100),
    agent_id   VARCHAR(100),
    happened_at TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX conversa_handoff_event_time ON conversa_handoff_event (tenant, happened_at, seq);
CREATE INDEX conversa_handoff_event_conversation ON conversa_handoff_event (tenant, channel, account_id, contact_id);

CREATE INDEX conversa_message_time ON conversa_message (tenant, sent_at);
