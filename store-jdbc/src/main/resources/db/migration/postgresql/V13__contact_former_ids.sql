-- Conversa schema, version 13, for PostgreSQL 12+: the ids a contact had before on its channel.
-- Applied by JdbcStores.migrate() after the versions before it (V10 to V12 belong to other changes and
-- may come after it), or as it is by Flyway (locations: classpath:db/migration/postgresql; outOfOrder).

-- A former id of a contact: a changed WhatsApp number, a rotated business-scoped user id. A lookup
-- by a former id finds the contact, and the contact names its former ids, so erasure and export of a
-- person reach the history under both. Deleted with the contact.
CREATE TABLE conversa_contact_former_id (
    tenant      VARCHAR(100) NOT NULL,
    channel     VARCHAR(40)  NOT NULL,
    external_id VARCHAR(200) NOT NULL,
    former_id   VARCHAR(200) NOT NULL,
    PRIMARY KEY (tenant, channel, external_id, former_id)
);
CREATE INDEX conversa_contact_former ON conversa_contact_former_id (tenant, former_id);
