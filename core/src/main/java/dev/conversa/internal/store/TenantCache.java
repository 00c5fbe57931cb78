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
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * An account store that remembers the tenant of each account webhooks arrive for, so intake
 * does not ask the database for every webhook, and each account the outbox sends through, so a
 * send does not read (and decrypt) the account for every message. Only accounts that exist are
 * remembered (an account registered a moment ago is never refused), each for a few seconds, and
 * forgotten at once when it is saved or deleted through this store. Shortly before a value
 * expires, one caller reads it again while the others keep the one they have, so a busy
 * account is not read by every webhook in flight at once. An account deleted or changed
 * directly in the underlying store, or by another instance, is followed within those seconds,
 * when a caller reads it again or its entry expires: events that arrive for a deleted one
 * meanwhile are stored and then dropped unprocessed, as for any account disconnected while its
 * events wait in the inbox, and a send in those seconds uses the token it had (one Meta refuses
 * parks the account until the new one is read). Everything else goes to the underlying store.
 *
 * <p><b>Internal:</b> public only because the webhook package and {@code Conversa} share one.
 * Thread-safe.
 */
public final class TenantCache implements AccountStore {

    /** How long a tenant is remembered: short enough to follow another instance's changes. */
    static final Duration REMEMBERED = Duration.ofSeconds(5);

    /**
     * How old a remembered value is when the next caller reads it again: one caller, while the
     * others go on with the value they have. Without it, every caller in flight when an entry
     * expired read the store at once, and on a busy account that was hundreds of reads, every
     * {@link #REMEMBERED} seconds, each taking a pooled connection.
     */
    static final Duration REREAD_AFTER = Duration.ofSeconds(4);
    private static final long REREAD_AFTER_NANOS = REREAD_AFTER.toNanos();

    private final AccountStore store;
    private final Ticker ticker;
    private final Cache<Key, Remembered<TenantId>> tenants;
    private final Cache<Key, Remembered<ChannelAccount>> accounts;
    // made once: a lambda capturing the looked-up names would be made on every call, hit or miss
    private final Function<Key, Optional<TenantId>> loadTenant;
    private final Function<Key, Optional<ChannelAccount>> loadAccount;
    // counts saves and deletes: a read that one overtook does not put back what it read
    private final AtomicLong forgotten = new AtomicLong();

    TenantCache(AccountStore store, Ticker ticker) {
        this.store = Objects.requireNonNull(store, "store");
        this.ticker = Objects.requireNonNull(ticker, "ticker");
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

    /**
     * The remembered value, else the store's, remembered when there is one. No caller waits for
     * another: reading the store while others wait on the entry could deadlock with a unit of
     * work that holds the store (the H2 file's turn, a pooled connection) and asks for the same
     * account.
     */
    private <T> Optional<T> remembered(Cache<Key, Remembered<T>> cache, Key key, Function<Key, Optional<T>> load) {
        Remembered<T> known = cache.getIfPresent(key);
        if (known == null) {
            return read(cache, key, load);
        }
        if (ticker.read() - known.readAt < REREAD_AFTER_NANOS || !known.rereading.compareAndSet(false, true)) {
            return Optional.of(known.value);
        }
        try {
            return read(cache, key, load);
        } finally {
            known.rereading.set(false);
        }
    }

    private <T> Optional<T> read(Cache<Key, Remembered<T>> cache, Key key, Function<Key, Optional<T>> load) {
        long saves = forgotten.get();
        long at = ticker.read();
        Optional<T> found = load.apply(key);
        if (found.isEmpty()) {
            cache.invalidate(key);
            return found;
        }
        cache.put(key, new Remembered<>(found.get(), at));
        if (forgotten.get() != saves) {
            cache.invalidate(key); // saved or deleted while this read ran: what it read may be the old
        }
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
        forgotten.incrementAndGet();
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

    /** A value, when its read began, and whether a caller is reading it again. */
    private static final class Remembered<T> {
        final T value;
        final long readAt;
        final AtomicBoolean rereading = new AtomicBoolean();

        Remembered(T value, long readAt) {
            this.value = value;
            this.readAt = readAt;
        }
    }
}
