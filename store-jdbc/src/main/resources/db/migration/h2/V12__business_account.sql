-- Conversa schema, version 12, for H2 2.x: the business account that groups accounts (a WhatsApp
-- Business Account), its message template catalogue and the limit on its sending.
-- Applied by JdbcStores.migrate() after V9 (V10 and V11 belong to other changes and may come after it), or as
-- it is by Flyway (locations: classpath:db/migration/h2; with V10 or V11 arriving later, outOfOrder).

-- The business account id, copied from the settings' whatsapp.businessAccountId so webhooks addressed
-- to the WhatsApp Business Account (template, quality, ban updates) find the tenant. Accounts saved
-- before this version get it the next time they are saved (registered again).
ALTER TABLE conversa_account ADD COLUMN business_account_id VARCHAR(100);
CREATE INDEX conversa_account_business ON conversa_account (channel, business_account_id);

-- The template catalogue of a business account, per tenant: from the template list API and from
-- template status and category webhooks. No personal data.
CREATE TABLE conversa_message_template (
    tenant              VARCHAR(100) NOT NULL,
    channel             VARCHAR(40)  NOT NULL,
    business_account_id VARCHAR(100) NOT NULL,
    name                VARCHAR(512) NOT NULL,
    language            VARCHAR(40)  NOT NULL,
    status              VARCHAR(60)  NOT NULL,
    category            VARCHAR(60),
    body_parameters     INTEGER,
    template_id         VARCHAR(100),
    updated_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (tenant, channel, business_account_id, name, language)
);

-- What a business account may send now (a ban or restriction), per tenant; no row: everything.
CREATE TABLE conversa_sending_limit (
    tenant              VARCHAR(100) NOT NULL,
    channel             VARCHAR(40)  NOT NULL,
    business_account_id VARCHAR(100) NOT NULL,
    replies             BOOLEAN      NOT NULL,
    templates           BOOLEAN      NOT NULL,
    until_at            TIMESTAMP WITH TIME ZONE,
    reason              VARCHAR(500) NOT NULL,
    updated_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (tenant, channel, business_account_id)
);
