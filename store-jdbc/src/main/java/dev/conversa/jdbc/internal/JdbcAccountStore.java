package dev.conversa.jdbc.internal;

import dev.conversa.channel.ChannelAccount;
import dev.conversa.crypto.TokenCipher;
import dev.conversa.model.ChannelType;
import dev.conversa.model.MessageTemplate;
import dev.conversa.model.SendingLimit;
import dev.conversa.model.TenantId;
import dev.conversa.store.AccountStore;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Accounts in {@code conversa_account}, tokens sealed by the {@link TokenCipher}; template
 * catalogues in {@code conversa_message_template}, sending limits in {@code conversa_sending_limit}.
 */
public final class JdbcAccountStore implements AccountStore {

    private static final String COLUMNS = "tenant, channel, account_id, token_ciphertext, settings";
    private static final String TEMPLATE_COLUMNS = "name, language, status, category, body_parameters, template_id";

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
                    + "business_account_id, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", account.tenant().value(),
                    account.channel().value(), account.accountId(), sealed, settings,
                    account.appUserId().orElse(null), account.businessAccountId().orElse(null), clock.instant())) {
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
                + "app_user_id = ?, business_account_id = ?, updated_at = ? WHERE channel = ? AND account_id = ? "
                + "AND tenant = ?", sealed, settings, account.appUserId().orElse(null),
                account.businessAccountId().orElse(null), clock.instant(), account.channel().value(),
                account.accountId(), account.tenant().value()) == 1;
    }

    @Override
    public Optional<ChannelAccount> findByAccountId(ChannelType channel, String accountId) {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(accountId, "accountId");
        return database.read("finding an account", connection -> Rows.first(connection,
                "SELECT " + COLUMNS + " FROM conversa_account WHERE channel = ? AND account_id = ?",
                this::account, channel.value(), accountId));
    }

    /** Reads the tenant column only: the token is never decrypted, so a key mistake cannot stop webhook intake. */
    @Override
    public Optional<TenantId> findTenant(ChannelType channel, String accountId) {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(accountId, "accountId");
        return database.read("finding an account's tenant", connection -> Rows.first(connection,
                "SELECT tenant FROM conversa_account WHERE channel = ? AND account_id = ?",
                row -> TenantId.of(row.getString(1)), channel.value(), accountId));
    }

    @Override
    public List<ChannelAccount> list(TenantId tenant) {
        Objects.requireNonNull(tenant, "tenant");
        return database.read("listing accounts", connection -> Rows.query(connection,
                "SELECT " + COLUMNS + " FROM conversa_account WHERE tenant = ? ORDER BY channel, account_id",
                this::account, tenant.value()));
    }

    @Override
    public List<ChannelAccount> findByAppUserId(TenantId tenant, String appUserId) {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(appUserId, "appUserId");
        return database.read("finding an app user's accounts", connection -> Rows.query(connection,
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

    /** Reads the tenant column only, as {@link #findTenant}. */
    @Override
    public Set<TenantId> findTenantsByBusinessAccountId(ChannelType channel, String businessAccountId) {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(businessAccountId, "businessAccountId");
        return Set.copyOf(new LinkedHashSet<>(database.read("finding a business account's tenants",
                connection -> Rows.query(connection, "SELECT DISTINCT tenant FROM conversa_account WHERE channel = ? "
                        + "AND business_account_id = ?", row -> TenantId.of(row.getString(1)), channel.value(),
                        businessAccountId))));
    }

    @Override
    public List<ChannelAccount> findByBusinessAccountId(TenantId tenant, ChannelType channel,
            String businessAccountId) {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(businessAccountId, "businessAccountId");
        return database.read("finding a business account's accounts", connection -> Rows.query(connection,
                "SELECT " + COLUMNS + " FROM conversa_account WHERE tenant = ? AND channel = ? "
                + "AND business_account_id = ? ORDER BY account_id", this::account, tenant.value(), channel.value(),
                businessAccountId));
    }

    @Override
    public void replaceTemplates(TenantId tenant, ChannelType channel, String businessAccountId,
            List<MessageTemplate> templates) {
        requireBusiness(tenant, channel, businessAccountId);
        List<MessageTemplate> copy = List.copyOf(templates);
        database.inTransaction("replacing a template catalogue", connection -> {
            Rows.update(connection, "DELETE FROM conversa_message_template WHERE tenant = ? AND channel = ? "
                    + "AND business_account_id = ?", tenant.value(), channel.value(), businessAccountId);
            for (MessageTemplate template : copy) {
                putTemplate(connection, tenant, channel, businessAccountId, template);
            }
            return null;
        });
    }

    @Override
    public void saveTemplate(TenantId tenant, ChannelType channel, String businessAccountId,
            MessageTemplate template) {
        requireBusiness(tenant, channel, businessAccountId);
        Objects.requireNonNull(template, "template");
        database.inTransaction("saving a template", connection -> {
            putTemplate(connection, tenant, channel, businessAccountId, template);
            return null;
        });
    }

    private void putTemplate(Connection connection, TenantId tenant, ChannelType channel, String businessAccountId,
            MessageTemplate template) throws SQLException {
        Object[] values = {template.status(), template.category(), template.bodyParameters(), template.id(),
            clock.instant(), tenant.value(), channel.value(), businessAccountId, template.name(), template.language()};
        String update = "UPDATE conversa_message_template SET status = ?, category = ?, body_parameters = ?, "
                + "template_id = ?, updated_at = ? WHERE tenant = ? AND channel = ? AND business_account_id = ? "
                + "AND name = ? AND language = ?";
        if (Rows.update(connection, update, values) == 1) {
            return;
        }
        if (!inserts.insertIfAbsent(connection, "INSERT INTO conversa_message_template (tenant, channel, "
                + "business_account_id, " + TEMPLATE_COLUMNS + ", updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                tenant.value(), channel.value(), businessAccountId, template.name(), template.language(),
                template.status(), template.category(), template.bodyParameters(), template.id(), clock.instant())) {
            Rows.update(connection, update, values);
        }
    }

    @Override
    public Optional<MessageTemplate> findTemplate(TenantId tenant, ChannelType channel, String businessAccountId,
            String name, String language) {
        requireBusiness(tenant, channel, businessAccountId);
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(language, "language");
        return database.read("finding a template", connection -> Rows.first(connection,
                "SELECT " + TEMPLATE_COLUMNS + " FROM conversa_message_template WHERE tenant = ? AND channel = ? "
                + "AND business_account_id = ? AND name = ? AND language = ?", JdbcAccountStore::template,
                tenant.value(), channel.value(), businessAccountId, name, language));
    }

    @Override
    public List<MessageTemplate> templates(TenantId tenant, ChannelType channel, String businessAccountId) {
        requireBusiness(tenant, channel, businessAccountId);
        return database.read("listing templates", connection -> Rows.query(connection,
                "SELECT " + TEMPLATE_COLUMNS + " FROM conversa_message_template WHERE tenant = ? AND channel = ? "
                + "AND business_account_id = ? ORDER BY name, language", JdbcAccountStore::template,
                tenant.value(), channel.value(), businessAccountId));
    }

    @Override
    public void saveSendingLimit(TenantId tenant, ChannelType channel, String businessAccountId,
            SendingLimit limit) {
        requireBusiness(tenant, channel, businessAccountId);
        Objects.requireNonNull(limit, "limit");
        String reason = Rows.clip(limit.reason(), 500);
        database.inTransaction("saving a sending limit", connection -> {
            if (limit.isNone()) {
                Rows.update(connection, "DELETE FROM conversa_sending_limit WHERE tenant = ? AND channel = ? "
                        + "AND business_account_id = ?", tenant.value(), channel.value(), businessAccountId);
                return null;
            }
            Object[] values = {limit.replies(), limit.templates(), limit.until(), reason, clock.instant(),
                tenant.value(), channel.value(), businessAccountId};
            String update = "UPDATE conversa_sending_limit SET replies = ?, templates = ?, until_at = ?, reason = ?, "
                    + "updated_at = ? WHERE tenant = ? AND channel = ? AND business_account_id = ?";
            if (Rows.update(connection, update, values) == 0 && !inserts.insertIfAbsent(connection,
                    "INSERT INTO conversa_sending_limit (tenant, channel, business_account_id, replies, templates, "
                    + "until_at, reason, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", tenant.value(),
                    channel.value(), businessAccountId, limit.replies(), limit.templates(), limit.until(), reason,
                    clock.instant())) {
                Rows.update(connection, update, values);
            }
            return null;
        });
    }

    @Override
    public Optional<SendingLimit> findSendingLimit(TenantId tenant, ChannelType channel, String businessAccountId) {
        requireBusiness(tenant, channel, businessAccountId);
        return database.read("finding a sending limit", connection -> Rows.first(connection,
                "SELECT replies, templates, until_at, reason FROM conversa_sending_limit WHERE tenant = ? "
                + "AND channel = ? AND business_account_id = ?", row -> new SendingLimit(row.getBoolean("replies"),
                        row.getBoolean("templates"), Rows.optionalInstant(row, "until_at"), row.getString("reason")),
                tenant.value(), channel.value(), businessAccountId));
    }

    private static void requireBusiness(TenantId tenant, ChannelType channel, String businessAccountId) {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(businessAccountId, "businessAccountId");
    }

    private static MessageTemplate template(ResultSet row) throws SQLException {
        int parameters = row.getInt("body_parameters");
        Optional<Integer> bodyParameters = row.wasNull() ? Optional.empty() : Optional.of(parameters);
        return new MessageTemplate(row.getString("name"), row.getString("language"), row.getString("status"),
                Rows.optionalText(row, "category"), bodyParameters, Rows.optionalText(row, "template_id"));
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
