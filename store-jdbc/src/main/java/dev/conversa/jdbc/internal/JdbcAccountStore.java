package dev.conversa.jdbc.internal;

import dev.conversa.channel.ChannelAccount;
import dev.conversa.crypto.TokenCipher;
import dev.conversa.model.ChannelType;
import dev.conversa.model.TenantId;
import dev.conversa.store.AccountStore;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** Accounts in {@code conversa_account}, tokens sealed by the {@link TokenCipher}. */
public final class JdbcAccountStore implements AccountStore {

    private static final String COLUMNS = "tenant, channel, account_id, token_ciphertext, settings";

    private final Database database;
    private final Inserts inserts;
    private final TokenCipher cipher;
    private final Clock clock;

    /**
     * Creates the store.
     *
     * @param database the database
     * @param cipher seals tokens at rest
     * @param clock the time of changes
     */
    public JdbcAccountStore(Database database, TokenCipher cipher, Clock clock) {
        this.database = Objects.requireNonNull(database, "database");
        this.inserts = new Inserts(database.dialect());
        this.cipher = Objects.requireNonNull(cipher, "cipher");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public void save(ChannelAccount account) {
        Objects.requireNonNull(account, "account");
        String sealed = cipher.encrypt(account.accessToken(), account.tenant(), account.channel(),
                account.accountId());
        String settings = JsonMaps.write(account.settings());
        database.inTransaction("saving an account", connection -> {
            if (update(connection, account, sealed, settings)) {
                return null;
            }
            if (inserts.insertIfAbsent(connection, "INSERT INTO conversa_account (" + COLUMNS + ", app_user_id, "
                    + "updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)", account.tenant().value(), account.channel().value(),
                    account.accountId(), sealed, settings, account.appUserId().orElse(null), clock.instant())) {
                return null;
            }
            if (!update(connection, account, sealed, settings)) {
                throw new IllegalStateException("account " + account.channel() + ":" + account.accountId()
                        + " is registered to another tenant; delete it there first");
            }
            return null;
        });
    }

    private boolean update(Connection connection, ChannelAccount account, String sealed, String settings)
            throws SQLException {
        return Rows.update(connection, "UPDATE conversa_account SET token_ciphertext = ?, settings = ?, "
                + "app_user_id = ?, updated_at = ? WHERE channel = ? AND account_id = ? AND tenant = ?", sealed,
                settings, account.appUserId().orElse(null), clock.instant(), account.channel().value(),
                account.accountId(), account.tenant().value()) == 1;
    }

    @Override
    public Optional<ChannelAccount> findByAccountId(ChannelType channel, String accountId) {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(accountId, "accountId");
        return database.inTransaction("finding an account", connection -> Rows.first(connection,
                "SELECT " + COLUMNS + " FROM conversa_account WHERE channel = ? AND account_id = ?",
                this::account, channel.value(), accountId));
    }

    /** Reads the tenant column only: the token is never decrypted, so a key mistake cannot stop webhook intake. */
    @Override
    public Optional<TenantId> findTenant(ChannelType channel, String accountId) {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(accountId, "accountId");
        return database.inTransaction("finding an account's tenant", connection -> Rows.first(connection,
                "SELECT tenant FROM conversa_account WHERE channel = ? AND account_id = ?",
                row -> TenantId.of(row.getString(1)), channel.value(), accountId));
    }

    @Override
    public List<ChannelAccount> list(TenantId tenant) {
        Objects.requireNonNull(tenant, "tenant");
        return database.inTransaction("listing accounts", connection -> Rows.query(connection,
                "SELECT " + COLUMNS + " FROM conversa_account WHERE tenant = ? ORDER BY channel, account_id",
                this::account, tenant.value()));
    }

    @Override
    public List<ChannelAccount> findByAppUserId(TenantId tenant, String appUserId) {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(appUserId, "appUserId");
        return database.inTransaction("finding an app user's accounts", connection -> Rows.query(connection,
                "SELECT " + COLUMNS + " FROM conversa_account WHERE tenant = ? AND app_user_id = ? "
                + "ORDER BY channel, account_id", this::account, tenant.value(), appUserId));
    }

    @Override
    public boolean delete(TenantId tenant, ChannelType channel, String accountId) {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(accountId, "accountId");
        return database.inTransaction("deleting an account", connection -> Rows.update(connection,
                "DELETE FROM conversa_account WHERE tenant = ? AND channel = ? AND account_id = ?",
                tenant.value(), channel.value(), accountId) == 1);
    }

    private ChannelAccount account(ResultSet row) throws SQLException {
        TenantId tenant = TenantId.of(row.getString("tenant"));
        ChannelType channel = new ChannelType(row.getString("channel"));
        String accountId = row.getString("account_id");
        return new ChannelAccount(tenant, channel, accountId,
                cipher.decrypt(row.getString("token_ciphertext"), tenant, channel, accountId),
                JsonMaps.read(row.getString("settings")));
    }
}
