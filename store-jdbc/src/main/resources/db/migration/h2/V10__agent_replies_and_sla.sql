-- Conversa schema, version 10, for H2 2.x: agent replies, queue SLA limits, priorities and SLA timers.
-- Applied by JdbcStores.migrate() after the versions before it, or as it is by Flyway (locations: classpath:db/migration/h2).

-- The id of the agent who wrote an outbound message (author AGENT through conversa.agents().reply).
ALTER TABLE conversa_message ADD COLUMN agent_id VARCHAR(100);

-- A queue's SLA: how long a conversation may wait (wait_limit_ms) and what then happens
-- (on_wait_limit: RAISE_PRIORITY or BACK_TO_BOT, with bot_message to the customer), and how long
-- an assigned agent may take to answer (answer_limit_ms). NULL: no limit.
ALTER TABLE conversa_agent_queue ADD COLUMN wait_limit_ms BIGINT;
ALTER TABLE conversa_agent_queue ADD COLUMN on_wait_limit VARCHAR(16);
ALTER TABLE conversa_agent_queue ADD COLUMN bot_message VARCHAR(1000);
ALTER TABLE conversa_agent_queue ADD COLUMN answer_limit_ms BIGINT;

-- A waiting conversation's priority: higher is taken first; raised when it waited past its queue's limit.
ALTER TABLE conversa_assignment ADD COLUMN priority INTEGER DEFAULT 0 NOT NULL;

-- Durable timers of the inbox: 'SLA' for an SLA check (pending in reply_slot 'S'); NULL for events and reply tasks.
ALTER TABLE conversa_inbox ADD COLUMN task VARCHAR(16);
