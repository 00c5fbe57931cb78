/**
 * Conversa's stores on JDBC: {@link dev.conversa.jdbc.JdbcStores} implements every store of
 * {@code dev.conversa.store} on a {@link javax.sql.DataSource} the host provides, for H2 2.x
 * (the embedded default) and PostgreSQL (production, several instances on one database).
 *
 * <h2>Schema</h2>
 * The schema ships in this jar as versioned scripts in Flyway's naming, one folder per
 * database: {@code db/migration/h2/V1__init.sql} and {@code db/migration/postgresql/V1__init.sql}.
 * Either call {@link dev.conversa.jdbc.JdbcStores#migrate()} at start-up (it records applied
 * versions in {@code conversa_schema_version}), or let your own tool apply the same scripts:
 * with Flyway, add {@code classpath:db/migration/postgresql} (or {@code h2}) to its locations
 * (use a separate history table, such as {@code conversa_flyway_history}, if your application
 * has its own V1); with Liquibase, include each script as a {@code sqlFile} change set. Do not
 * mix both ways on one database.
 *
 * <h2>Durable processing</h2>
 * The inbox and outbox are tables. An append is one transaction, deduplicated by a unique key;
 * workers claim one conversation at a time by locking its row in {@code conversa_lane} ({@code
 * FOR UPDATE SKIP LOCKED} on PostgreSQL), under a lease with a fencing token, so an instance that
 * dies loses nothing and a late worker cannot overwrite the next one's result. An outbox entry
 * still {@code SENDING} when its lease expires becomes {@code SEND_UNCERTAIN} and is never resent:
 * Meta's Send API has no idempotency key. The window is the time between marking the entry
 * {@code SENDING} and recording the channel's answer: one HTTP request.
 */
package dev.conversa.jdbc;
