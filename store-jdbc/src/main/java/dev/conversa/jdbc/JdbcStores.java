package dev.conversa.jdbc;

import dev.conversa.crypto.TokenCipher;
import dev.conversa.jdbc.internal.Database;
import dev.conversa.jdbc.internal.Dialect;
import dev.conversa.jdbc.internal.H2WriteDelay;
import dev.conversa.jdbc.internal.JdbcAccountStore;
import dev.conversa.jdbc.internal.JdbcAgentStore;
import dev.conversa.jdbc.internal.JdbcAuditLog;
import dev.conversa.jdbc.internal.JdbcConsentStore;
import dev.conversa.jdbc.internal.JdbcContactStore;
import dev.conversa.jdbc.internal.JdbcConversationStore;
import dev.conversa.jdbc.internal.JdbcDeadLetterStore;
import dev.conversa.jdbc.internal.JdbcDeletionRequestStore;
import dev.conversa.jdbc.internal.JdbcErasureLedger;
import dev.conversa.jdbc.internal.JdbcInbox;
import dev.conversa.jdbc.internal.JdbcMessageStore;
import dev.conversa.jdbc.internal.JdbcOutbox;
import dev.conversa.jdbc.internal.JdbcUnitOfWork;
import dev.conversa.jdbc.internal.Migrator;
import dev.conversa.lang.ConversaException;
import dev.conversa.store.Stores;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * Every Conversa store on a JDBC {@link DataSource}: H2 2.x or PostgreSQL, told apart from the
 * connection's metadata. Access tokens are sealed with the {@link TokenCipher} before they are
 * written.
 *
 * <pre>{@code
 * JdbcStores jdbc = JdbcStores.builder()
 *         .dataSource(dataSource)            // pooled, from the host
 *         .tokenCipher(cipher)
 *         .build();
 * jdbc.migrate();                             // or apply db/migration/<dialect> with Flyway
 * Stores stores = jdbc.stores();
 * }</pre>
 *
 * <p>Immutable and thread-safe; the stores open a connection per operation and return it before
 * the method returns, so use a pooling data source in production.
 *
 * <p>Durability: a commit that returned survives a killed process on both databases (on H2 file
 * databases, {@link Builder#build()} sets {@code WRITE_DELAY} to 0 for that, and the stores run
 * one transaction at a time, since H2 2.x may write the file from a state in which another
 * transaction is half done, which a killed process then leaves behind as rows no one can read or
 * change). Surviving an OS
 * crash or a power loss needs a database that syncs to disk, such as PostgreSQL with {@code
 * fsync} on; H2 does not promise that.
 */
public final class JdbcStores {

    private final Database database;
    private final Clock clock;
    private final Stores stores;
    private final TokenCipher cipher;

    private JdbcStores(Database database, TokenCipher cipher, Clock clock) {
        this.database = database;
        this.cipher = cipher;
        this.clock = clock;
        this.stores = Stores.builder()
                .accounts(new JdbcAccountStore(database, cipher, clock))
                .contacts(new JdbcContactStore(database))
                .conversations(new JdbcConversationStore(database))
                .messages(new JdbcMessageStore(database))
                .inbox(new JdbcInbox(database))
                .outbox(new JdbcOutbox(database))
                .audit(new JdbcAuditLog(database))
                .consents(new JdbcConsentStore(database))
                .deletionRequests(new JdbcDeletionRequestStore(database))
                .deadLetters(new JdbcDeadLetterStore(database))
                .erasures(new JdbcErasureLedger(database))
                .agents(new JdbcAgentStore(database))
                .unitOfWork(new JdbcUnitOfWork(database))
                .build();
    }

    /**
     * Starts the configuration.
     *
     * @return a builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A builder holding these stores' settings (data source, token cipher, clock), to build
     * stores that differ in some of them, such as a cipher with a new key; these stores are left
     * as they are.
     *
     * @return a new builder with these stores' settings
     */
    public Builder toBuilder() {
        return new Builder().dataSource(database.dataSource()).tokenCipher(cipher).clock(clock);
    }

    /**
     * The stores, all on this data source.
     *
     * @return the stores
     */
    public Stores stores() {
        return stores;
    }

    /**
     * Creates or upgrades the schema: applies the scripts of this release the database has not
     * seen yet and records them in {@code conversa_schema_version}, in one transaction. Safe to
     * call on every start; on PostgreSQL, instances starting together migrate one at a time.
     *
     * @return the versions applied by this call, empty when the schema was current
     * @throws ConversaException if a script fails
     */
    public List<Integer> migrate() {
        return new Migrator(database, clock).migrate();
    }

    /**
     * The database the data source connects to.
     *
     * @return {@code "h2"} or {@code "postgresql"}
     */
    public String databaseName() {
        return database.dialect() == Dialect.H2 ? "h2" : "postgresql";
    }

    /** Configures {@link JdbcStores}. Not thread-safe; build once. */
    public static final class Builder {

        private DataSource dataSource;
        private TokenCipher tokenCipher;
        private Clock clock = Clock.systemUTC();

        private Builder() {}

        /**
         * Sets the data source (required). The host owns it: pooling, credentials and closing.
         *
         * @param dataSource an H2 or PostgreSQL data source
         * @return this builder
         */
        public Builder dataSource(DataSource dataSource) {
            this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
            return this;
        }

        /**
         * Sets the cipher that seals access tokens at rest (required).
         *
         * @param tokenCipher the cipher
         * @return this builder
         */
        public Builder tokenCipher(TokenCipher tokenCipher) {
            this.tokenCipher = Objects.requireNonNull(tokenCipher, "tokenCipher");
            return this;
        }

        /**
         * Sets the clock for the times the stores record themselves (default: system UTC).
         *
         * @param clock the clock
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * Connects to detect the database, then builds the stores. On an H2 file database it
         * sets {@code WRITE_DELAY} to 0, so that every commit reaches the file before it returns
         * and a killed process loses nothing it acknowledged, and checks that the setting holds
         * on new connections (H2 takes it from the URL whenever it opens a connection or the
         * file). That does not survive an OS crash or a power loss: for that, use a database
         * that syncs to disk, such as PostgreSQL with {@code fsync} on. The stores of an H2 file
         * database run one transaction at a time in this JVM (see the class description).
         *
         * @return the stores
         * @throws IllegalStateException if the data source or token cipher is missing, or if an
         *     H2 file database would keep commits in memory: its URL sets a non-zero {@code
         *     WRITE_DELAY}, the user may not set it, or H2 closes the file between connections
         *     (the message names the fix)
         * @throws ConversaException if the database cannot be reached or is neither H2 nor
         *     PostgreSQL
         */
        public JdbcStores build() {
            if (dataSource == null) {
                throw new IllegalStateException("dataSource is required: call JdbcStores.builder().dataSource(...)");
            }
            if (tokenCipher == null) {
                throw new IllegalStateException(
                        "tokenCipher is required to encrypt access tokens: call JdbcStores.builder()"
                        + ".tokenCipher(TokenCipher.builder().key(id, key).build())");
            }
            Dialect dialect = Database.detect(dataSource);
            Database database = new Database(dataSource, dialect);
            if (dialect == Dialect.H2) {
                database = H2WriteDelay.requireCommitsOnFile(dataSource)
                        .map(file -> Database.oneTransactionAtATime(dataSource, dialect, file))
                        .orElse(database);
            }
            return new JdbcStores(database, tokenCipher, clock);
        }
    }
}
