package dev.conversa.jdbc;

import dev.conversa.ConversaException;
import dev.conversa.crypto.TokenCipher;
import dev.conversa.jdbc.internal.Database;
import dev.conversa.jdbc.internal.Dialect;
import dev.conversa.jdbc.internal.JdbcAccountStore;
import dev.conversa.jdbc.internal.JdbcAuditLog;
import dev.conversa.jdbc.internal.JdbcConsentStore;
import dev.conversa.jdbc.internal.JdbcContactStore;
import dev.conversa.jdbc.internal.JdbcDeadLetterStore;
import dev.conversa.jdbc.internal.JdbcConversationStore;
import dev.conversa.jdbc.internal.JdbcDeletionRequestStore;
import dev.conversa.jdbc.internal.JdbcInbox;
import dev.conversa.jdbc.internal.JdbcMessageStore;
import dev.conversa.jdbc.internal.JdbcOutbox;
import dev.conversa.jdbc.internal.Migrator;
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
 */
public final class JdbcStores {

    private final Database database;
    private final Clock clock;
    private final Stores stores;

    private JdbcStores(Database database, TokenCipher cipher, Clock clock) {
        this.database = database;
        this.clock = clock;
        this.stores = new Stores(new JdbcAccountStore(database, cipher, clock), new JdbcContactStore(database),
                new JdbcConversationStore(database), new JdbcMessageStore(database), new JdbcInbox(database),
                new JdbcOutbox(database), new JdbcAuditLog(database), new JdbcConsentStore(database),
                new JdbcDeletionRequestStore(database), new JdbcDeadLetterStore(database));
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
         * Connects once to detect the database, then builds the stores.
         *
         * @return the stores
         * @throws IllegalStateException if the data source or token cipher is missing
         * @throws ConversaException if the database cannot be reached or is neither H2 nor
         *     PostgreSQL
         */
        public JdbcStores build() {
            if (dataSource == null) {
                throw new IllegalStateException("JdbcStores needs a data source: call dataSource(...)");
            }
            if (tokenCipher == null) {
                throw new IllegalStateException(
                        "JdbcStores needs a token cipher to encrypt access tokens: call tokenCipher(...)");
            }
            return new JdbcStores(new Database(dataSource, Database.detect(dataSource)), tokenCipher, clock);
        }
    }
}
