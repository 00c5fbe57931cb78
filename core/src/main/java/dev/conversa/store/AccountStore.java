package dev.conversa.store;

import dev.conversa.channel.ChannelAccount;
import dev.conversa.model.ChannelType;
import dev.conversa.model.MessageTemplate;
import dev.conversa.model.SendingLimit;
import dev.conversa.model.TenantId;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The registry of connected business accounts. Webhooks are mapped to a tenant through
 * {@link #findByAccountId}: an account id belongs to at most one tenant; webhooks addressed to
 * the business account that groups accounts (a WhatsApp Business Account) through
 * {@link #findTenantsByBusinessAccountId}. It also keeps what the channel says about such a
 * business account: its message template catalogue and the limit on its sending, per tenant.
 * Implementations keep tokens encrypted at rest and are thread-safe.
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

    /**
     * Finds the tenants with an account grouped under a business account
     * ({@link ChannelAccount#businessAccountId()}), for webhooks addressed to that business
     * account (a WhatsApp Business Account's template, quality and ban updates). Reads no token.
     *
     * @param channel the channel
     * @param businessAccountId the business account's id
     * @return the tenants, empty when no registered account names it
     */
    Set<TenantId> findTenantsByBusinessAccountId(ChannelType channel, String businessAccountId);

    /**
     * Lists a tenant's accounts grouped under a business account.
     *
     * @param tenant the business
     * @param channel the channel
     * @param businessAccountId the business account's id
     * @return the accounts, by account id
     */
    List<ChannelAccount> findByBusinessAccountId(TenantId tenant, ChannelType channel, String businessAccountId);

    /**
     * Replaces a business account's template catalogue (read from the channel's template list).
     *
     * @param tenant the business
     * @param channel the channel
     * @param businessAccountId the business account's id
     * @param templates every template it has now; those not listed are removed
     */
    void replaceTemplates(TenantId tenant, ChannelType channel, String businessAccountId,
            List<MessageTemplate> templates);

    /**
     * Adds or replaces one template of a business account's catalogue, by name and language.
     *
     * @param tenant the business
     * @param channel the channel
     * @param businessAccountId the business account's id
     * @param template the template
     */
    void saveTemplate(TenantId tenant, ChannelType channel, String businessAccountId, MessageTemplate template);

    /**
     * Finds a template of a business account's catalogue.
     *
     * @param tenant the business
     * @param channel the channel
     * @param businessAccountId the business account's id
     * @param name the template's name, matched exactly
     * @param language its language code, matched exactly
     * @return the template, when the catalogue holds it
     */
    Optional<MessageTemplate> findTemplate(TenantId tenant, ChannelType channel, String businessAccountId,
            String name, String language);

    /**
     * Lists a business account's template catalogue.
     *
     * @param tenant the business
     * @param channel the channel
     * @param businessAccountId the business account's id
     * @return the templates, by name and language; empty when none is known
     */
    List<MessageTemplate> templates(TenantId tenant, ChannelType channel, String businessAccountId);

    /**
     * Records what a business account may send now; a limit that allows everything
     * ({@link SendingLimit#isNone()}) removes the one recorded.
     *
     * @param tenant the business
     * @param channel the channel
     * @param businessAccountId the business account's id
     * @param limit the limit
     */
    void saveSendingLimit(TenantId tenant, ChannelType channel, String businessAccountId, SendingLimit limit);

    /**
     * Finds the limit on a business account's sending.
     *
     * @param tenant the business
     * @param channel the channel
     * @param businessAccountId the business account's id
     * @return the limit recorded, empty when the account may send everything
     */
    Optional<SendingLimit> findSendingLimit(TenantId tenant, ChannelType channel, String businessAccountId);
}
