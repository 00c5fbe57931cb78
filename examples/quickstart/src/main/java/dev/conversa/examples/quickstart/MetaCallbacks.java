package dev.conversa.examples.quickstart;

import com.sun.net.httpserver.HttpServer;
import dev.conversa.Conversa;
import dev.conversa.lang.Secret;
import dev.conversa.model.TenantId;
import dev.conversa.privacy.DataDeletionCallback;
import dev.conversa.privacy.DeauthorizeCallback;
import dev.conversa.store.Stores;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Mounts Meta's callbacks, which Meta calls, so they are not behind the API token but verified
 * by the {@code signed_request} (HMAC-SHA256 with the app secret):
 * <ul>
 *   <li>{@code POST /meta/data-deletion} ({@link DataDeletionCallback}): records the request and
 *       answers {@code {"url", "confirmation_code"}}; Conversa's scheduled job carries it out.
 *       Served when the public address is known (demo mode, or {@code CONVERSA_PUBLIC_URL}),
 *       since the answer must link to the status page;
 *   <li>{@code GET /meta/deletion-status?code=} ({@link DeletionStatusPage}): the status;
 *   <li>{@code POST /meta/deauthorize} ({@link DeauthorizeCallback}): disconnects the accounts
 *       the app user connected ({@code META_APP_USER_ID}), at once.
 * </ul>
 */
final class MetaCallbacks {

    static final String DATA_DELETION = "/meta/data-deletion";
    static final String DELETION_STATUS = "/meta/deletion-status";
    static final String DEAUTHORIZE = "/meta/deauthorize";

    private static final Logger LOG = LoggerFactory.getLogger(MetaCallbacks.class);

    private MetaCallbacks() {}

    /**
     * Mounts the callbacks.
     *
     * @param publicUrl the {@code https://} address the status page is reached at; empty: no
     *     data deletion callback (a warning names {@code CONVERSA_PUBLIC_URL})
     * @param erasing whether Conversa has a privacy pepper, without which requests wait
     */
    static void mount(HttpServer server, Conversa conversa, Stores stores, Secret appSecret, TenantId tenant,
            Optional<String> publicUrl, boolean erasing) {
        DeauthorizeCallback deauthorize = DeauthorizeCallback.builder().appSecret(appSecret).tenant(tenant)
                .disconnector(conversa::disconnectAppUser).build();
        server.createContext(DEAUTHORIZE,
                new JdkWebhookEndpoint(deauthorize::handle, JdkWebhookEndpoint.MAX_CALLBACK_BYTES));
        server.createContext(DELETION_STATUS, new DeletionStatusPage(conversa.dataDeletions(), tenant));
        if (publicUrl.isEmpty()) {
            LOG.warn("{} is off: its answer links Meta to the status page, so it needs this server's public https:// "
                    + "address. Set CONVERSA_PUBLIC_URL (such as https://shop.example)", DATA_DELETION);
            return;
        }
        DataDeletionCallback deletion = DataDeletionCallback.builder().appSecret(appSecret)
                .deletionRequests(stores.deletionRequests()).tenant(tenant)
                .statusUrl(publicUrl.get() + DELETION_STATUS + "?code={code}").build();
        server.createContext(DATA_DELETION,
                new JdkWebhookEndpoint(deletion::handle, JdkWebhookEndpoint.MAX_CALLBACK_BYTES));
        if (!erasing) {
            LOG.warn("Meta's data deletion requests are recorded but not carried out until CONVERSA_PRIVACY_PEPPER is "
                    + "set (at least {} characters); Meta expects them done within 30 days",
                    QuickStartConfig.MIN_PRIVACY_PEPPER_LENGTH);
        }
    }
}
