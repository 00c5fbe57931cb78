-- Conversa schema, version 2, for PostgreSQL 12 and later: consent changes and deletion requests.
-- Applied by JdbcStores.migrate() after V1, or as it is by Flyway (locations: classpath:db/migration/postgresql).

-- Every consent change of a person, one row per topic and time; the latest by changed_at is the
-- person's state, and re-recording a change replaces its row.
CREATE TABLE conversa_consent (
    tenant     VARCHAR(100) NOT NULL,
    channel    VARCHAR(40)  NOT NULL,
    contact_id VARCHAR(200) NOT NULL,
    topic      VARCHAR(100) NOT NULL,
    changed_at TIMESTAMP WITH TIME ZONE NOT NULL,
    opted_in   BOOLEAN      NOT NULL,
    source     VARCHAR(40)  NOT NULL,
    PRIMARY KEY (tenant, channel, contact_id, topic, changed_at)
);

-- Requests to erase a person. The confirmation code is unique across tenants: the status page
-- URL given to Meta carries the code, so one code must never name two requests.
CREATE TABLE conversa_deletion_request (
    confirmation_code VARCHAR(64)  NOT NULL PRIMARY KEY,
    tenant            VARCHAR(100) NOT NULL,
    subject           VARCHAR(200) NOT NULL,
    status            VARCHAR(16)  NOT NULL,
    requested_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at        TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX conversa_deletion_request_pending ON conversa_deletion_request (tenant, status, requested_at);
