package dev.conversa.channel;

import dev.conversa.lang.Secret;
import dev.conversa.model.ChannelType;
import dev.conversa.model.TenantId;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One connected business account: a WhatsApp phone number, a Facebook Page or an Instagram
 * professional account, with the tenant it belongs to and the token to act for it. Stores keep
 * the token encrypted at rest.
 *
 * <p>An account may name the app user who connected it ({@link #appUserId()}): the business
 * person who logged in with Facebook Login, by the app-scoped id Meta's data deletion and
 * deauthorize callbacks name. It is kept among the settings, under {@value #APP_USER_ID_SETTING},
 * and set with {@link #withAppUserId(String)}:
 *
 * <pre>{@code
 * conversa.registerAccount(ChannelAccount.of(tenant, ChannelType.WHATSAPP, phoneNumberId, token)
 *         .withAppUserId(signedInUserId));
 * }</pre>
 *
 * <p>An account may name the business account that groups it ({@link #businessAccountId()}):
 * for a WhatsApp phone number, its WhatsApp Business Account, to which Meta addresses the
 * account-level webhooks (template status, quality, bans). It is kept among the settings, under
 * {@value #BUSINESS_ACCOUNT_ID_SETTING}, set with {@link #withBusinessAccountId(String)}, and
 * stored so that those webhooks reach the tenant:
 *
 * <pre>{@code
 * conversa.registerAccount(ChannelAccount.of(tenant, ChannelType.WHATSAPP, phoneNumberId, token)
 *         .withBusinessAccountId(wabaId));
 * }</pre>
 *
 * @param tenant the business
 * @param channel the channel
 * @param accountId the account's id there (phone number id, Page id, Instagram account id)
 * @param accessToken the token for the Graph API; never logged
 * @param settings channel-specific settings by name (for example the WhatsApp Business
 *     Account id, or {@code "instagram.login"} for Instagram Login accounts), and the app user
 *     who connected it under {@value #APP_USER_ID_SETTING}
 */
public record ChannelAccount(
        TenantId tenant, ChannelType channel, String accountId, Secret accessToken, Map<String, String> settings) {

    /**
     * The setting that holds the app-scoped id of the app user who connected the account; read it
     * with {@link #appUserId()}.
     */
    public static final String APP_USER_ID_SETTING = "meta.appUserId";
    /**
     * The setting that lets the bot answer group conversations of this account ({@code "true"});
     * see {@link #servesGroups()}.
     */
    public static final String SERVES_GROUPS_SETTING = "conversa.servesGroups";
    private static final int MAX_APP_USER_ID_LENGTH = 200;

    /**
     * The setting that holds the id of the business account that groups this one (the WhatsApp
     * Business Account of a phone number); read it with {@link #businessAccountId()}.
     */
    public static final String BUSINESS_ACCOUNT_ID_SETTING = "whatsapp.businessAccountId";
    private static final int MAX_BUSINESS_ACCOUNT_ID_LENGTH = 100;

    /**
     * Checks the fields and copies the settings.
     *
     * @throws IllegalArgumentException if the account id is blank, or the app user id setting is
     *     blank or longer than 200 characters, or the business account id setting blank or
     *     longer than 100
     */
    public ChannelAccount {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(accountId, "accountId");
        if (accountId.isBlank()) {
            throw new IllegalArgumentException("accountId must not be blank");
        }
        Objects.requireNonNull(accessToken, "accessToken");
        settings = Map.copyOf(settings);
        String appUser = settings.get(APP_USER_ID_SETTING);
        if (appUser != null && (appUser.isBlank() || appUser.length() > MAX_APP_USER_ID_LENGTH)) {
            throw new IllegalArgumentException(APP_USER_ID_SETTING + " must be 1-" + MAX_APP_USER_ID_LENGTH
                    + " non-blank characters");
        }
        String business = settings.get(BUSINESS_ACCOUNT_ID_SETTING);
        if (business != null && (business.isBlank() || business.length() > MAX_BUSINESS_ACCOUNT_ID_LENGTH)) {
            throw new IllegalArgumentException(BUSINESS_ACCOUNT_ID_SETTING + " must be 1-"
                    + MAX_BUSINESS_ACCOUNT_ID_LENGTH + " non-blank characters");
        }
    }

    /**
     * The business account that groups this one: for a WhatsApp phone number, its WhatsApp
     * Business Account id, to which Meta addresses template, quality and ban webhooks.
     *
     * @return the id, empty when the host did not set it
     */
    public Optional<String> businessAccountId() {
        return Optional.ofNullable(settings.get(BUSINESS_ACCOUNT_ID_SETTING));
    }

    /**
     * The same account, grouped under a business account (a WhatsApp phone number under its
     * WhatsApp Business Account), so that the webhooks Meta addresses to that business account
     * reach this account's tenant.
     *
     * @param businessAccountId the business account's id, 1 to 100 characters
     * @return the changed copy
     * @throws IllegalArgumentException if the id is blank or longer than 100 characters
     */
    public ChannelAccount withBusinessAccountId(String businessAccountId) {
        Map<String, String> changed = new HashMap<>(settings);
        changed.put(BUSINESS_ACCOUNT_ID_SETTING, Objects.requireNonNull(businessAccountId, "businessAccountId"));
        return new ChannelAccount(tenant, channel, accountId, accessToken, changed);
    }

    /**
     * The app user who connected this account: the app-scoped user id of the business person who
     * logged in with Facebook Login, as Meta's data deletion and deauthorize callbacks name them.
     *
     * @return the id, empty when the host did not record who connected the account
     */
    public Optional<String> appUserId() {
        return Optional.ofNullable(settings.get(APP_USER_ID_SETTING));
    }

    /**
     * The same account, recorded as connected by an app user, so that the user's data deletion or
     * deauthorize callback finds it ({@code AccountStore.findByAppUserId}).
     *
     * @param appUserId the app-scoped user id from Facebook Login, 1 to 200 characters
     * @return the changed copy
     * @throws IllegalArgumentException if the id is blank or longer than 200 characters
     */
    public ChannelAccount withAppUserId(String appUserId) {
        Map<String, String> changed = new HashMap<>(settings);
        changed.put(APP_USER_ID_SETTING, Objects.requireNonNull(appUserId, "appUserId"));
        return new ChannelAccount(tenant, channel, accountId, accessToken, changed);
    }

    /**
     * Whether the bot answers messages written in a group (a WhatsApp group the business number
     * takes part in), replying to the group. By default it does not: a group's messages are
     * recorded under the group's conversation and nobody, the group or its member, gets a reply.
     *
     * @return true when the {@value #SERVES_GROUPS_SETTING} setting is {@code "true"}
     */
    public boolean servesGroups() {
        return "true".equals(settings.get(SERVES_GROUPS_SETTING));
    }

    /**
     * The same account, answering group conversations or not ({@link #servesGroups()}).
     *
     * @param serves true to answer messages written in a group, in the group
     * @return the changed copy
     */
    public ChannelAccount withServesGroups(boolean serves) {
        Map<String, String> changed = new HashMap<>(settings);
        changed.put(SERVES_GROUPS_SETTING, Boolean.toString(serves));
        return new ChannelAccount(tenant, channel, accountId, accessToken, changed);
    }

    /**
     * An account without settings.
     *
     * @param tenant the business
     * @param channel the channel
     * @param accountId the account's id
     * @param accessToken the token
     * @return the account
     */
    public static ChannelAccount of(TenantId tenant, ChannelType channel, String accountId, Secret accessToken) {
        return new ChannelAccount(tenant, channel, accountId, accessToken, Map.of());
    }
}
