-- Conversa schema, version 9, for H2 2.x: human agents, queues, assignments and internal notes.
-- Applied by JdbcStores.migrate() after the versions before it, or as it is by Flyway (locations: classpath:db/migration/h2).

-- An agent of a tenant. queues holds the ids of the queues served, joined by commas (ids have
-- no commas). last_assigned_at drives round robin.
CREATE TABLE conversa_agent (
    tenant            VARCHAR(100)  NOT NULL,
    agent_id          VARCHAR(100)  NOT NULL,
    display_name      VARCHAR(200)  NOT NULL,
    queues            VARCHAR(4000) NOT NULL,
    presence          VARCHAR(16)   NOT NULL,
    max_conversations INTEGER       NOT NULL,
    last_assigned_at  TIMESTAMP WITH TIME ZONE,
    PRIMARY KEY (tenant, agent_id)
);

-- A queue (department) of a tenant; at most one is the default.
CREATE TABLE conversa_agent_queue (
    tenant     VARCHAR(100) NOT NULL,
    queue_id   VARCHAR(100) NOT NULL,
    name       VARCHAR(200) NOT NULL,
    is_default BOOLEAN      NOT NULL,
    PRIMARY KEY (tenant, queue_id)
);

-- A conversation handed to a person: waiting in a queue (agent_id NULL) or held by an agent.
CREATE TABLE conversa_assignment (
    tenant      VARCHAR(100) NOT NULL,
    channel     VARCHAR(40)  NOT NULL,
    account_id  VARCHAR(200) NOT NULL,
    contact_id  VARCHAR(200) NOT NULL,
    queue_id    VARCHAR(100) NOT NULL,
    agent_id    VARCHAR(100),
    reason      VARCHAR(1000) NOT NULL,
    queued_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    assigned_at TIMESTAMP WITH TIME ZONE,
    PRIMARY KEY (tenant, channel, account_id, contact_id)
);
CREATE INDEX conversa_assignment_queue ON conversa_assignment (tenant, queue_id, queued_at);
CREATE INDEX conversa_assignment_agent ON conversa_assignment (tenant, agent_id);

-- An agent's internal note on a conversation; never sent. Erased with the person.
CREATE TABLE conversa_note (
    tenant     VARCHAR(100) NOT NULL,
    note_id    VARCHAR(64)  NOT NULL,
    channel    VARCHAR(40)  NOT NULL,
    account_id VARCHAR(200) NOT NULL,
    contact_id VARCHAR(200) NOT NULL,
    agent_id   VARCHAR(100) NOT NULL,
    body       CHARACTER VARYING NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (tenant, note_id)
);
CREATE INDEX conversa_note_conversation ON conversa_note (tenant, channel, account_id, contact_id, created_at);
