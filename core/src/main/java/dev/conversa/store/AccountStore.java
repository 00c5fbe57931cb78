package dev.conversa.store;

import dev.conversa.channel.ChannelAccount;
import dev.conversa.model.ChannelType;
import dev.conversa.model.TenantId;
import java.util.List;
import java.util.Optional;

/**
 * The registry of connected business accounts. Webhooks are mapped to a tenant through
 * {@link #findByAccountId}: an account id belongs to at most one tenant. Implementations keep
 * tokens encrypted at rest and are thread-safe.
 */
public interface AccountStore {

    /**
     * Adds or replaces an account.
     *
     * @param account the account
     * @throws IllegalStateException if the account id is registered to another tenant
     */
    void save(ChannelAccount account);

    /**
     * Finds the account a webhook was sent to; this lookup is how a tenant is found.
     *
     * @param channel the channel
     * @param accountId the account's id there
     * @return the account, when registered
     */
    Optional<ChannelAccount> findByAccountId(ChannelType channel, String accountId);

    /**
     * Finds the tenant an account belongs to without reading its token, for webhook intake: a
     * token that cannot be decrypted (a key mistake) must not stop webhooks from being stored.
     *
     * @param channel the channel
     * @param accountId the account's id there
     * @return the tenant, when the account is registered
     */
    Optional<TenantId> findTenant(ChannelType channel, String accountId);

    /**
     * Lists a tenant's accounts.
     *
     * @param tenant the business
     * @return the accounts
     */
    List<ChannelAccount> list(TenantId tenant);

    /**
     * Lists the accounts of a tenant that an app user connected ({@link ChannelAccount#appUserId()}),
     * for Meta's data deletion and deauthorize callbacks, which name that user.
     *
     * @param tenant the business
     * @param appUserId the app-scoped user id, matched exactly
     * @return the accounts, by channel and account id; empty when the user connected none
     */
    List<ChannelAccount> findByAppUserId(TenantId tenant, String appUserId);

    /**
     * Removes an account.
     *
     * @param tenant the business
     * @param channel the channel
     * @param accountId the account's id
     * @return true if it existed
     */
    boolean delete(TenantId tenant, ChannelType channel, String accountId);
}
