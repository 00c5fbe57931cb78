package dev.conversa.store.memory;

import dev.conversa.channel.ChannelAccount;
import dev.conversa.model.ChannelType;
import dev.conversa.model.TenantId;
import dev.conversa.store.AccountStore;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** Accounts keyed by channel and account id; an account id belongs to one tenant. */
final class InMemoryAccountStore implements AccountStore {

    private final Map<AccountKey, ChannelAccount> accounts = new HashMap<>();

    @Override
    public synchronized void save(ChannelAccount account) {
        Objects.requireNonNull(account, "account");
        AccountKey key = new AccountKey(account.channel(), account.accountId());
        ChannelAccount existing = accounts.get(key);
        if (existing != null && !existing.tenant().equals(account.tenant())) {
            throw new IllegalStateException("account " + account.channel() + ":" + account.accountId()
                    + " is registered to another tenant; delete it there first");
        }
        accounts.put(key, account);
    }

    @Override
    public synchronized Optional<ChannelAccount> findByAccountId(ChannelType channel, String accountId) {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(accountId, "accountId");
        return Optional.ofNullable(accounts.get(new AccountKey(channel, accountId)));
    }

    @Override
    public synchronized Optional<TenantId> findTenant(ChannelType channel, String accountId) {
        return findByAccountId(channel, accountId).map(ChannelAccount::tenant);
    }

    @Override
    public synchronized List<ChannelAccount> list(TenantId tenant) {
        Objects.requireNonNull(tenant, "tenant");
        return accounts.values().stream()
                .filter(a -> a.tenant().equals(tenant))
                .sorted(Comparator.comparing((ChannelAccount a) -> a.channel().value())
                        .thenComparing(ChannelAccount::accountId))
                .toList();
    }

    @Override
    public synchronized List<ChannelAccount> findByAppUserId(TenantId tenant, String appUserId) {
        Objects.requireNonNull(appUserId, "appUserId");
        return list(tenant).stream().filter(a -> a.appUserId().filter(appUserId::equals).isPresent()).toList();
    }

    @Override
    public synchronized boolean delete(TenantId tenant, ChannelType channel, String accountId) {
        Objects.requireNonNull(tenant, "tenant");
        AccountKey key = new AccountKey(Objects.requireNonNull(channel, "channel"),
                Objects.requireNonNull(accountId, "accountId"));
        ChannelAccount existing = accounts.get(key);
        if (existing == null || !existing.tenant().equals(tenant)) {
            return false;
        }
        accounts.remove(key);
        return true;
    }

    private record AccountKey(ChannelType channel, String accountId) {}
}
