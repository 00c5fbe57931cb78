package dev.conversa;

import dev.conversa.channel.ChannelAccount;
import dev.conversa.model.PolicyEnforcement;
import dev.conversa.observe.PolicyEnforcementListener;
import dev.conversa.pipeline.Chain;
import dev.conversa.pipeline.Context;
import dev.conversa.pipeline.Middleware;
import dev.conversa.store.AccountStore;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Acts on Meta's policy enforcement of an account, before it is recorded: a block parks the
 * account's sends ({@link AccountParking#block}), an unblock lifts it, and every enforcement
 * (warnings too) is told to the host's listeners and logged at ERROR (a block) or WARN. The
 * block holds in this process: another instance learns of it when Meta refuses its sends.
 * Events of other kinds pass untouched.
 */
final class PolicyEnforcements implements Middleware {

    private static final Logger LOG = LoggerFactory.getLogger(PolicyEnforcements.class);

    private final AccountStore accounts;
    private final AccountParking parking;
    private final List<PolicyEnforcementListener> listeners;

    PolicyEnforcements(AccountStore accounts, AccountParking parking, List<PolicyEnforcementListener> listeners) {
        this.accounts = accounts;
        this.parking = parking;
        this.listeners = List.copyOf(listeners);
    }

    @Override
    public void handle(Context ctx, Chain next) {
        if (ctx.event().isPresent() && ctx.event().get() instanceof PolicyEnforcement enforcement) {
            apply(ctx, enforcement);
        }
        next.proceed();
    }

    private void apply(Context ctx, PolicyEnforcement enforcement) {
        var header = enforcement.header();
        Optional<ChannelAccount> account = accounts.findByAccountId(header.channel(), header.accountId())
                .filter(found -> found.tenant().equals(ctx.tenant()));
        switch (enforcement.action()) {
            case BLOCK:
                String reason = account.map(parking::block).map(AccountParking.Parked::reason)
                        .orElse("the account is not registered");
                LOG.error("Meta blocked {} account {} for its messaging policies; {}", header.channel(),
                        header.accountId(), reason);
                break;
            case UNBLOCK:
                parking.unblock(header.channel(), header.accountId());
                LOG.warn("Meta unblocked {} account {}; its messages go again", header.channel(), header.accountId());
                break;
            default:
                LOG.warn("Meta warned {} account {} about its messaging policies", header.channel(),
                        header.accountId());
                break;
        }
        for (PolicyEnforcementListener listener : listeners) {
            try {
                listener.policyEnforced(ctx.tenant(), enforcement);
            } catch (RuntimeException e) {
                LOG.warn("A policy enforcement listener failed with {}; ignored", e.getClass().getName());
            }
        }
    }
}
