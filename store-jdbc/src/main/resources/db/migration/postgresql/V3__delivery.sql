-- Conversa schema, version 3, for PostgreSQL 12 and later: part ids of renamed messages and dead letters.
-- Applied by JdbcStores.migrate() after V2, or as it is by Flyway (locations: classpath:db/migration/postgresql).

-- The further ids a channel gave one outbound message it delivered in several parts (a caption
-- after its media): each names the message's own id, so a status or an echo of any part finds it.
-- The conversation columns let erasure of a conversation remove them with its messages.
CREATE TABLE conversa_message_part (
    tenant     VARCHAR(100) NOT NULL,
    channel    VARCHAR(40)  NOT NULL,
    part_id    VARCHAR(300) NOT NULL,
    message_id VARCHAR(300) NOT NULL,
    account_id VARCHAR(200) NOT NULL,
    contact_id VARCHAR(200) NOT NULL,
    PRIMARY KEY (tenant, channel, part_id)
);
CREATE INDEX conversa_message_part_message ON conversa_message_part (tenant, channel, message_id);
CREATE INDEX conversa_message_part_conversation ON conversa_message_part (tenant, channel, account_id, contact_id);

-- Verified webhook bodies their channel could not read. They belong to the Meta app, not to a
-- tenant: the tenant is read from the body, which is what failed.
CREATE TABLE conversa_dead_letter (
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    object      VARCHAR(200)  NOT NULL,
    reason      VARCHAR(1000) NOT NULL,
    body        TEXT          NOT NULL,
    received_at TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX conversa_dead_letter_received ON conversa_dead_letter (received_at);
