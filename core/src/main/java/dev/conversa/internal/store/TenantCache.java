package dev.conversa.internal.store;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import dev.conversa.channel.ChannelAccount;
import dev.conversa.model.ChannelType;
import dev.conversa.model.MessageTemplate;
import dev.conversa.model.SendingLimit;
import dev.conversa.model.TenantId;
import dev.conversa.store.AccountStore;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * An account store that remembers the tenant of each account webhooks arrive for, so intake
 * does not ask the database for every webhook, and each account the outbox sends through, so a
 * send does not read (and decrypt) the account for every message. Only accounts that exist are
 * remembered (an account registered a moment ago is never refused), each for a few seconds, and
 * forgotten at once when it is saved or deleted through this store. An account deleted or
 * changed directly in the underlying store, or by another instance, is followed when its entry
 * expires: events that arrive for a deleted one meanwhile are stored and then dropped
 * unprocessed, as for any account disconnected while its events wait in the inbox, and a send
 * in those seconds uses the token it had (one Meta refuses parks the account until the new one
 * is read). Everything else goes to the underlying store.
 *
 * <p><b>Internal:</b> public only because the webhook package and {@code Conversa} share one.
 * Thread-safe.
 */
public final class TenantCache implements AccountStore {

    /** How long a tenant is remembered: short enough to follow another instance's changes. */
    static final Duration REMEMBERED = Duration.ofSeconds(5);

    private final AccountStore store;
    private final Cache<Key, TenantId> tenants;
    private final Cache<Key, ChannelAccount> accounts;
    // made once: a lambda capturing the looked-up names would be made on every call, hit or miss
    private final Function<Key, Optional<TenantId>> loadTenant;
    private final Function<Key, Optional<ChannelAccount>> loadAccount;

    TenantCache(AccountStore store, Ticker ticker) {
        this.store = Objects.requireNonNull(store, "store");
        this.tenants = remembering(ticker);
        this.accounts = remembering(ticker);
        this.loadTenant = key -> store.findTenant(key.channel(), key.accountId());
        this.loadAccount = key -> store.findByAccountId(key.channel(), key.accountId());
    }

    private static <T> Cache<Key, T> remembering(Ticker ticker) {
        return Caffeine.newBuilder()
                .maximumSize(10_000)
                .expireAfterWrite(REMEMBERED)
                .ticker(ticker)
                .executor(Runnable::run)
                .build();
    }

    /** The remembered value, else the store's, remembered when there is one. */
    private static <T> Optional<T> remembered(Cache<Key, T> cache, Key key, Function<Key, Optional<T>> load) {
        T known = cache.getIfPresent(key);
        if (known != null) {
            return Optional.of(known);
        }
        Optional<T> found = load.apply(key);
        found.ifPresent(value -> cache.put(key, value));
        return found;
    }

    /**
     * Wraps a store, unless it already is one.
     *
     * @param store the store
     * @return a caching store over it
     */
    public static AccountStore over(AccountStore store) {
        return store instanceof TenantCache ? store : new TenantCache(store, Ticker.systemTicker());
    }

    @Override
    public void save(ChannelAccount account) {
        try {
            store.save(account);
        } finally {
            forget(new Key(account.channel(), account.accountId()));
        }
    }

    @Override
    public Optional<ChannelAccount> findByAccountId(ChannelType channel, String accountId) {
        return remembered(accounts, new Key(channel, accountId), loadAccount);
    }

    @Override
    public Optional<TenantId> findTenant(ChannelType channel, String accountId) {
        return remembered(tenants, new Key(channel, accountId), loadTenant);
    }

    @Override
    public List<ChannelAccount> findByAppUserId(TenantId tenant, String appUserId) {
        return store.findByAppUserId(tenant, appUserId);
    }

    @Override
    public List<ChannelAccount> list(TenantId tenant) {
        return store.list(tenant);
    }

    @Override
    public boolean delete(TenantId tenant, ChannelType channel, String accountId) {
        try {
            return store.delete(tenant, channel, accountId);
        } finally {
            forget(new Key(channel, accountId));
        }
    }

    private void forget(Key key) {
        tenants.invalidate(key);
        accounts.invalidate(key);
    }

    @Override
    public Set<TenantId> findTenantsByBusinessAccountId(ChannelType channel, String businessAccountId) {
        return store.findTenantsByBusinessAccountId(channel, businessAccountId);
    }

    @Override
    public List<ChannelAccount> findByBusinessAccountId(TenantId tenant, ChannelType channel,
            String businessAccountId) {
        return store.findByBusinessAccountId(tenant, channel, businessAccountId);
    }

    @Override
    public void replaceTemplates(TenantId tenant, ChannelType channel, String businessAccountId,
            List<MessageTemplate> templates) {
        store.replaceTemplates(tenant, channel, businessAccountId, templates);
    }

    @Override
    public void saveTemplate(TenantId tenant, ChannelType channel, String businessAccountId,
            MessageTemplate template) {
        store.saveTemplate(tenant, channel, businessAccountId, template);
    }

    @Override
    public Optional<MessageTemplate> findTemplate(TenantId tenant, ChannelType channel, String businessAccountId,
            String name, String language) {
        return store.findTemplate(tenant, channel, businessAccountId, name, language);
    }

    @Override
    public List<MessageTemplate> templates(TenantId tenant, ChannelType channel, String businessAccountId) {
        return store.templates(tenant, channel, businessAccountId);
    }

    @Override
    public void saveSendingLimit(TenantId tenant, ChannelType channel, String businessAccountId,
            SendingLimit limit) {
        store.saveSendingLimit(tenant, channel, businessAccountId, limit);
    }

    @Override
    public Optional<SendingLimit> findSendingLimit(TenantId tenant, ChannelType channel, String businessAccountId) {
        return store.findSendingLimit(tenant, channel, businessAccountId);
    }

    @Override
    public String toString() {
        return "TenantCache[" + store + "]";
    }

    private record Key(ChannelType channel, String accountId) {
    }
}
