-- Conversa schema, version 14, for PostgreSQL 12 and later: a contact's user name as it is
-- compared, indexed. Applied by JdbcStores.migrate() after the versions before it, or as it is by
-- Flyway (locations: classpath:db/migration/postgresql).

-- User names are compared ignoring case. Without an index on the lowered name, every lookup of a
-- person by identifier (consent and erasure of linked identities, on each reply) read every
-- contact of the tenant.
ALTER TABLE conversa_contact ADD COLUMN username_key VARCHAR(200) GENERATED ALWAYS AS (LOWER(username)) STORED;
CREATE INDEX conversa_contact_username_key ON conversa_contact (tenant, username_key);
