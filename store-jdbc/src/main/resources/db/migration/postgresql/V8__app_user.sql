-- Conversa schema, version 8, for PostgreSQL 12+: who connected each account, and what a deletion request removed.
-- Applied by JdbcStores.migrate() after V6 (V7 belongs to another change and may come after it), or as it
-- is by Flyway (locations: classpath:db/migration/postgresql; with V7 arriving later, outOfOrder).

-- The app-scoped id of the app user (the business person who connected the account with
-- Facebook Login), copied from the settings' meta.appUserId so Meta's data deletion and
-- deauthorize callbacks find that user's accounts.
ALTER TABLE conversa_account ADD COLUMN app_user_id VARCHAR(200);
CREATE INDEX conversa_account_app_user ON conversa_account (tenant, app_user_id);

-- A JSON object of what carrying the request out removed, by kind; {} until it is DONE.
ALTER TABLE conversa_deletion_request ADD COLUMN counts TEXT DEFAULT '{}' NOT NULL;
