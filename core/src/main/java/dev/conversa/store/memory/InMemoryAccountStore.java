package dev.conversa.store.memory;

import dev.conversa.channel.ChannelAccount;
import dev.conversa.model.ChannelType;
import dev.conversa.model.MessageTemplate;
import dev.conversa.model.SendingLimit;
import dev.conversa.model.TenantId;
import dev.conversa.store.AccountStore;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Accounts keyed by channel and account id; an account id belongs to one tenant. Template
 * catalogues and sending limits by tenant, channel and business account.
 */
final class InMemoryAccountStore implements AccountStore {

    private final Map<AccountKey, ChannelAccount> accounts = new HashMap<>();
    private final Map<BusinessKey, Map<String, MessageTemplate>> templates = new HashMap<>();
    private final Map<BusinessKey, SendingLimit> limits = new HashMap<>();

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

    @Override
    public synchronized Set<TenantId> findTenantsByBusinessAccountId(ChannelType channel, String businessAccountId) {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(businessAccountId, "businessAccountId");
        return accounts.values().stream()
                .filter(a -> a.channel().equals(channel)
                        && a.businessAccountId().filter(businessAccountId::equals).isPresent())
                .map(ChannelAccount::tenant).collect(Collectors.toUnmodifiableSet());
    }

    @Override
    public synchronized List<ChannelAccount> findByBusinessAccountId(TenantId tenant, ChannelType channel,
            String businessAccountId) {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(businessAccountId, "businessAccountId");
        return list(tenant).stream().filter(a -> a.channel().equals(channel)
                && a.businessAccountId().filter(businessAccountId::equals).isPresent()).toList();
    }

    @Override
    public synchronized void replaceTemplates(TenantId tenant, ChannelType channel, String businessAccountId,
            List<MessageTemplate> list) {
        Map<String, MessageTemplate> catalogue = new TreeMap<>();
        list.forEach(template -> catalogue.put(templateKey(template.name(), template.language()), template));
        templates.put(BusinessKey.of(tenant, channel, businessAccountId), catalogue);
    }

    @Override
    public synchronized void saveTemplate(TenantId tenant, ChannelType channel, String businessAccountId,
            MessageTemplate template) {
        Objects.requireNonNull(template, "template");
        templates.computeIfAbsent(BusinessKey.of(tenant, channel, businessAccountId), key -> new TreeMap<>())
                .put(templateKey(template.name(), template.language()), template);
    }

    @Override
    public synchronized Optional<MessageTemplate> findTemplate(TenantId tenant, ChannelType channel,
            String businessAccountId, String name, String language) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(language, "language");
        return Optional.ofNullable(templates.getOrDefault(BusinessKey.of(tenant, channel, businessAccountId),
                Map.of()).get(templateKey(name, language)));
    }

    @Override
    public synchronized List<MessageTemplate> templates(TenantId tenant, ChannelType channel,
            String businessAccountId) {
        return List.copyOf(templates.getOrDefault(BusinessKey.of(tenant, channel, businessAccountId), Map.of())
                .values());
    }

    @Override
    public synchronized void saveSendingLimit(TenantId tenant, ChannelType channel, String businessAccountId,
            SendingLimit limit) {
        Objects.requireNonNull(limit, "limit");
        BusinessKey key = BusinessKey.of(tenant, channel, businessAccountId);
        if (limit.isNone()) {
            limits.remove(key);
        } else {
            limits.put(key, limit);
        }
    }

    @Override
    public synchronized Optional<SendingLimit> findSendingLimit(TenantId tenant, ChannelType channel,
            String businessAccountId) {
        return Optional.ofNullable(limits.get(BusinessKey.of(tenant, channel, businessAccountId)));
    }

    /** Sorts by name, then language: the separator sorts before every printable character. */
    private static String templateKey(String name, String language) {
        return name + "\u0000" + language;
    }

    private record AccountKey(ChannelType channel, String accountId) {}

    private record BusinessKey(TenantId tenant, ChannelType channel, String businessAccountId) {
        static BusinessKey of(TenantId tenant, ChannelType channel, String businessAccountId) {
            return new BusinessKey(Objects.requireNonNull(tenant, "tenant"), Objects.requireNonNull(channel,
                    "channel"), Objects.requireNonNull(businessAccountId, "businessAccountId"));
        }
    }
}
