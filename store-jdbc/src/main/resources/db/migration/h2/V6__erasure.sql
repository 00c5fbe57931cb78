-- Conversa schema, version 6, for H2 2.x: the erasure ledger.
-- Applied by JdbcStores.migrate() after V5, or as it is by Flyway (locations: classpath:db/migration/h2).

-- One line per keyed hash (HMAC-SHA256 under the deployment's pepper, which the database never
-- sees) of an identifier of an erased person: a phone number, a user name or a channel id. It
-- names nobody; it keeps a redelivered webhook of an erased person out and lets an erasure be
-- carried out again after a backup is restored. counts is a JSON object of what was removed.
CREATE TABLE conversa_erasure (
    tenant    VARCHAR(100) NOT NULL,
    key_hash  CHAR(64)     NOT NULL,
    erased_at TIMESTAMP WITH TIME ZONE NOT NULL,
    counts    CHARACTER VARYING NOT NULL,
    PRIMARY KEY (tenant, key_hash)
);
