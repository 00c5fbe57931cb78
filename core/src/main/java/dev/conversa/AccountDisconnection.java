package dev.conversa;

import dev.conversa.channel.ChannelAccount;
import dev.conversa.channel.ChannelAdapter;
import dev.conversa.graph.GraphApiException;
import dev.conversa.graph.GraphClient;
import dev.conversa.model.ChannelType;
import dev.conversa.model.TenantId;
import dev.conversa.store.Stores;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Disconnects accounts: out of the registry first, so their events stop being processed at once
 * (the intake drops new ones, the dispatcher completes those already in the inbox unprocessed, the
 * outbox sends nothing more), then Meta is asked to stop the webhooks through the channel's
 * {@link ChannelAdapter#unsubscribe}; a refusal there is logged and leaves the account
 * disconnected. Erasing the data is a separate step ({@link AccountErasure}). Thread-safe.
 */
final class AccountDisconnection {

    private static final Logger LOG = LoggerFactory.getLogger(AccountDisconnection.class);

    private final Stores stores;
    private final Map<ChannelType, ChannelAdapter> channels;
    private final GraphClient graph;
    private final AccountErasure erasure;

    AccountDisconnection(Stores stores, Map<ChannelType, ChannelAdapter> channels, GraphClient graph, Clock clock) {
        this.stores = stores;
        this.channels = channels;
        this.graph = graph;
        this.erasure = new AccountErasure(stores, clock);
    }

    boolean disconnect(TenantId tenant, ChannelType channel, String accountId) {
        Optional<ChannelAccount> account = readable(channel, accountId).filter(a -> a.tenant().equals(tenant));
        if (!stores.accounts().delete(tenant, channel, accountId)) {
            return false;
        }
        account.ifPresent(this::unsubscribe);
        return true;
    }

    void disconnect(ChannelAccount account) {
        if (stores.accounts().delete(account.tenant(), account.channel(), account.accountId())) {
            unsubscribe(account);
        }
    }

    int disconnectAppUser(TenantId tenant, String appUserId) {
        List<ChannelAccount> accounts = stores.accounts().findByAppUserId(tenant, appUserId);
        accounts.forEach(this::disconnect);
        return accounts.size();
    }

    Map<String, Integer> erase(TenantId tenant, ChannelType channel, String accountId) {
        return erasure.erase(tenant, channel, accountId);
    }

    /** The account with its token, or empty if it cannot be read (a token cipher mistake must not stop a disconnect). */
    private Optional<ChannelAccount> readable(ChannelType channel, String accountId) {
        try {
            return stores.accounts().findByAccountId(channel, accountId);
        } catch (RuntimeException e) {
            LOG.warn("Account {}:{} could not be read to unsubscribe it; it is disconnected all the same: {}", channel,
                    accountId, e.getClass().getName());
            return Optional.empty();
        }
    }

    private boolean sharedByAnother(ChannelAccount leaving, String subscription) {
        for (ChannelAccount other : stores.accounts().list(leaving.tenant())) {
            ChannelAdapter adapter = channels.get(other.channel());
            if (adapter != null && adapter.subscription(other).filter(subscription::equals).isPresent()) {
                return true;
            }
        }
        return false;
    }

    private void unsubscribe(ChannelAccount account) {
        ChannelAdapter adapter = channels.get(account.channel());
        if (adapter == null) {
            return;
        }
        try {
            Optional<String> subscription = adapter.subscription(account);
            if (subscription.isPresent() && sharedByAnother(account, subscription.get())) {
                LOG.info("Account {}:{} disconnected; its webhook subscription stays, as another connected account "
                        + "shares it", account.channel(), account.accountId());
                return;
            }
            adapter.unsubscribe(account, graph);
        } catch (GraphApiException e) {
            LOG.warn("Meta refused to unsubscribe account {}:{} (code {}); it is disconnected all the same, but Meta "
                    + "may still send its webhooks, which are dropped", account.channel(), account.accountId(),
                    e.code().isPresent() ? String.valueOf(e.code().getAsInt()) : "none");
        } catch (RuntimeException e) {
            LOG.warn("Unsubscribing account {}:{} failed; it is disconnected all the same: {}", account.channel(),
                    account.accountId(), e.getClass().getName());
        }
    }
}
