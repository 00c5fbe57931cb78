-- Conversa schema, version 1, for H2 2.x.
-- Applied by JdbcStores.migrate(), or as it is by Flyway (locations: classpath:db/migration/h2).
-- Every table is keyed by tenant first; every query of the library names the tenant.

CREATE TABLE conversa_account (
    channel          VARCHAR(40)  NOT NULL,
    account_id       VARCHAR(200) NOT NULL,
    tenant           VARCHAR(100) NOT NULL,
    token_ciphertext CHARACTER VARYING         NOT NULL,
    settings         CHARACTER VARYING         NOT NULL,
    updated_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (channel, account_id)
);
CREATE INDEX conversa_account_tenant ON conversa_account (tenant, channel, account_id);

CREATE TABLE conversa_contact (
    tenant       VARCHAR(100) NOT NULL,
    channel      VARCHAR(40)  NOT NULL,
    external_id  VARCHAR(200) NOT NULL,
    name         CHARACTER VARYING,
    username     VARCHAR(200),
    phone_number VARCHAR(64),
    phone_digits VARCHAR(64),
    first_seen   TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (tenant, channel, external_id)
);
CREATE INDEX conversa_contact_external ON conversa_contact (tenant, external_id);
CREATE INDEX conversa_contact_username ON conversa_contact (tenant, username);
CREATE INDEX conversa_contact_phone ON conversa_contact (tenant, phone_digits);

CREATE TABLE conversa_conversation (
    tenant           VARCHAR(100) NOT NULL,
    channel          VARCHAR(40)  NOT NULL,
    account_id       VARCHAR(200) NOT NULL,
    contact_id       VARCHAR(200) NOT NULL,
    state            VARCHAR(32)  NOT NULL,
    last_inbound_at  TIMESTAMP WITH TIME ZONE,
    reply_due_at     TIMESTAMP WITH TIME ZONE,
    unanswered_since TIMESTAMP WITH TIME ZONE,
    updated_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    version          BIGINT       NOT NULL,
    PRIMARY KEY (tenant, channel, account_id, contact_id)
);
CREATE INDEX conversa_conversation_recent ON conversa_conversation (tenant, updated_at);
CREATE INDEX conversa_conversation_state ON conversa_conversation (tenant, state, updated_at);

CREATE TABLE conversa_message (
    seq         BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tenant      VARCHAR(100) NOT NULL,
    channel     VARCHAR(40)  NOT NULL,
    account_id  VARCHAR(200) NOT NULL,
    contact_id  VARCHAR(200) NOT NULL,
    message_id  VARCHAR(300) NOT NULL,
    direction   VARCHAR(16)  NOT NULL,
    author      VARCHAR(32)  NOT NULL,
    kind        VARCHAR(64)  NOT NULL,
    body        CHARACTER VARYING,
    status      VARCHAR(32)  NOT NULL,
    status_rank INTEGER      NOT NULL,
    sent_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT conversa_message_id UNIQUE (tenant, channel, message_id)
);
CREATE INDEX conversa_message_history ON conversa_message (tenant, channel, account_id, contact_id, sent_at, seq);

-- Inbound work: events (deduplicated by tenant, channel, account and external id) and reply
-- tasks (external_id NULL; reply_slot 'P' while pending, so a conversation has one at most).
CREATE TABLE conversa_inbox (
    id           BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tenant       VARCHAR(100) NOT NULL,
    channel      VARCHAR(40)  NOT NULL,
    account_id   VARCHAR(200) NOT NULL,
    contact_id   VARCHAR(200) NOT NULL,
    external_id  VARCHAR(300),
    reply_slot   CHAR(1),
    event        CHARACTER VARYING,
    status       VARCHAR(16)  NOT NULL,
    not_before   TIMESTAMP WITH TIME ZONE NOT NULL,
    attempts     INTEGER      NOT NULL,
    fence        BIGINT       NOT NULL,
    lease_until  TIMESTAMP WITH TIME ZONE,
    worker       VARCHAR(200),
    last_error   VARCHAR(1000),
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    completed_at TIMESTAMP WITH TIME ZONE,
    CONSTRAINT conversa_inbox_dedup UNIQUE (tenant, channel, account_id, external_id),
    CONSTRAINT conversa_inbox_reply UNIQUE (tenant, channel, account_id, contact_id, reply_slot)
);
CREATE INDEX conversa_inbox_due ON conversa_inbox (status, not_before, id);
CREATE INDEX conversa_inbox_lane ON conversa_inbox (tenant, channel, account_id, contact_id, status, id);
CREATE INDEX conversa_inbox_completed ON conversa_inbox (status, completed_at);

-- Outbound messages, unique per tenant and idempotency key.
CREATE TABLE conversa_outbox (
    id                 BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tenant             VARCHAR(100) NOT NULL,
    idempotency_key    VARCHAR(300) NOT NULL,
    channel            VARCHAR(40)  NOT NULL,
    account_id         VARCHAR(200) NOT NULL,
    contact_id         VARCHAR(200) NOT NULL,
    message            CHARACTER VARYING         NOT NULL,
    state              VARCHAR(16)  NOT NULL,
    attempts           INTEGER      NOT NULL,
    not_before         TIMESTAMP WITH TIME ZONE NOT NULL,
    channel_message_id VARCHAR(300),
    last_error         VARCHAR(1000),
    fence              BIGINT       NOT NULL,
    lease_until        TIMESTAMP WITH TIME ZONE,
    worker             VARCHAR(200),
    created_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT conversa_outbox_key UNIQUE (tenant, idempotency_key)
);
CREATE INDEX conversa_outbox_due ON conversa_outbox (state, not_before, id);
CREATE INDEX conversa_outbox_lane ON conversa_outbox (tenant, channel, account_id, contact_id, state, id);
CREATE INDEX conversa_outbox_state ON conversa_outbox (tenant, state, id);

-- One row per conversation and queue; claimers lock it so one conversation is worked on by one
-- worker at a time across every instance.
CREATE TABLE conversa_lane (
    tenant     VARCHAR(100) NOT NULL,
    queue      VARCHAR(16)  NOT NULL,
    channel    VARCHAR(40)  NOT NULL,
    account_id VARCHAR(200) NOT NULL,
    contact_id VARCHAR(200) NOT NULL,
    PRIMARY KEY (tenant, queue, channel, account_id, contact_id)
);

CREATE TABLE conversa_audit (
    seq         BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tenant      VARCHAR(100) NOT NULL,
    occurred_at TIMESTAMP WITH TIME ZONE NOT NULL,
    action      VARCHAR(100) NOT NULL,
    details     CHARACTER VARYING         NOT NULL
);
CREATE INDEX conversa_audit_recent ON conversa_audit (tenant, occurred_at, seq);
