package dev.conversa.messenger.platform.internal;

import dev.conversa.channel.ChannelAccount;

/**
 * The account settings that say how an Instagram account is connected, read by both channel
 * modules: Messenger's {@code PageConnector} writes them, the Instagram channel sends by them.
 * The public names are {@code InstagramChannel.LOGIN_SETTING} and {@code PAGE_ID_SETTING} (and
 * their aliases on {@code PageConnector}). Stateless and thread-safe.
 */
public final class InstagramSettings {

    /** Account setting of Instagram accounts connected through a Page: the Page's id. */
    public static final String PAGE_ID = "instagram.page_id";
    /** Account setting of Instagram accounts connected with Instagram Login: {@code "true"}. */
    public static final String LOGIN = "instagram.login";

    private InstagramSettings() {}

    /**
     * Whether an Instagram account was connected with Instagram Login.
     *
     * @param account the account
     * @return true when its {@value #LOGIN} setting is {@code "true"}
     */
    public static boolean usesLogin(ChannelAccount account) {
        return "true".equalsIgnoreCase(account.settings().get(LOGIN));
    }
}
