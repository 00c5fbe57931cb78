-- Conversa schema, version 15, for PostgreSQL 12 and later: the turn budget's counts, shared by
-- every instance. Applied by JdbcStores.migrate() after the versions before it, or as it is by
-- Flyway (locations: classpath:db/migration/postgresql).

-- A customer's responder turns in the current window live on their conversation's row, so that
-- erasure and retention remove them with it.
ALTER TABLE conversa_conversation ADD COLUMN turn_window TIMESTAMP WITH TIME ZONE;
ALTER TABLE conversa_conversation ADD COLUMN turn_count INTEGER DEFAULT 0 NOT NULL;
ALTER TABLE conversa_conversation ADD COLUMN turn_noticed BOOLEAN DEFAULT FALSE NOT NULL;

-- A tenant's turns granted in the current window (no personal data; earlier windows are removed
-- when a turn of a new window is granted).
CREATE TABLE conversa_turn_window (
    tenant       VARCHAR(100) NOT NULL,
    window_start TIMESTAMP WITH TIME ZONE NOT NULL,
    turns        INTEGER      NOT NULL,
    PRIMARY KEY (tenant, window_start)
);
