package dev.conversa.channel;

import dev.conversa.lang.Secret;
import dev.conversa.model.ChannelType;
import dev.conversa.model.TenantId;
import java.util.Map;
import java.util.Objects;

/**
 * One connected business account: a WhatsApp phone number, a Facebook Page or an Instagram
 * professional account, with the tenant it belongs to and the token to act for it. Stores keep
 * the token encrypted at rest.
 *
 * @param tenant the business
 * @param channel the channel
 * @param accountId the account's id there (phone number id, Page id, Instagram account id)
 * @param accessToken the token for the Graph API; never logged
 * @param settings channel-specific settings by name (for example the WhatsApp Business
 *     Account id, or {@code "instagram.login"} for Instagram Login accounts)
 */
public record ChannelAccount(
        TenantId tenant, ChannelType channel, String accountId, Secret accessToken, Map<String, String> settings) {

    /** Checks the fields and copies the settings. */
    public ChannelAccount {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(accountId, "accountId");
        if (accountId.isBlank()) {
            throw new IllegalArgumentException("accountId must not be blank");
        }
        Objects.requireNonNull(accessToken, "accessToken");
        settings = Map.copyOf(settings);
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
