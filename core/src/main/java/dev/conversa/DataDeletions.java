package dev.conversa;

import dev.conversa.channel.ChannelAccount;
import dev.conversa.model.TenantId;
import dev.conversa.privacy.AccountData;
import dev.conversa.privacy.DeletionRun;
import dev.conversa.privacy.ErasureReport;
import dev.conversa.privacy.Privacy;
import dev.conversa.store.DeletionRequest;
import dev.conversa.store.DeletionStatus;
import dev.conversa.store.Stores;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Carries out Meta's data deletion requests ({@code DataDeletionCallback} records them) and serves
 * their status. A request names an app user: the business person who connected accounts through
 * Facebook Login ({@link ChannelAccount#appUserId()}). Carrying it out disconnects every account
 * that user connected in the tenant (events dropped at once, Meta's webhooks unsubscribed where
 * the channel allows it), erases their data or keeps it ({@link AccountData}, set with {@code
 * Conversa.Builder.deletionRequestAccountData}, default erase), erases any contact bearing the
 * user's app-scoped id through {@link Privacy#erase} (which also replaces the request's subject
 * by a keyed hash), and marks the request {@code DONE} with the counts.
 *
 * <p>{@code Conversa.start()} runs {@link #run(Instant)} with the retention job, on its schedule
 * (default hourly); a host may call it directly too. A request still pending after the alert age
 * (default 25 days, {@code Conversa.Builder.deletionRequestAlertAge}) is logged at ERROR and
 * reported in {@link DeletionRun#overdue()}, at every run until it is done. Logs above DEBUG name
 * a request by tenant and receipt time, never by its confirmation code (which opens its status
 * page) nor its subject.
 *
 * <pre>{@code
 * DeletionRun run = conversa.dataDeletions().run(Instant.now());
 * // the host's status page, for /meta/deletion-status?code=...
 * Optional<DeletionRequest> request = conversa.dataDeletions().status(tenant, code);
 * }</pre>
 *
 * <p>Thread-safe; runs may overlap (a request is carried out idempotently).
 */
public final class DataDeletions {

    /** The default age after which a pending request is reported: 25 days, inside Meta's 30. */
    public static final Duration DEFAULT_ALERT_AGE = Duration.ofDays(25);
    /** How many disconnected accounts a request's counts name. */
    public static final String ACCOUNTS = "accounts";

    private static final Logger LOG = LoggerFactory.getLogger(DataDeletions.class);
    private static final int PAGE = 100;

    private final Stores stores;
    private final Optional<Privacy> privacy;
    private final AccountDisconnection disconnection;
    private final AccountData accountData;
    private final Duration alertAge;

    DataDeletions(Stores stores, Optional<Privacy> privacy, AccountDisconnection disconnection,
            AccountData accountData, Duration alertAge) {
        this.stores = stores;
        this.privacy = privacy;
        this.disconnection = disconnection;
        this.accountData = accountData;
        this.alertAge = alertAge;
    }

    /**
     * Carries out every pending request of every tenant, then reports those still pending after
     * the alert age. Without a privacy pepper ({@code Conversa.Builder.privacyPepper}) nothing can
     * be erased, so requests stay pending (logged at WARN) and become overdue.
     *
     * @param now the time of the run
     * @return what was done, what failed and what is overdue
     */
    public DeletionRun run(Instant now) {
        Objects.requireNonNull(now, "now");
        List<DeletionRequest> done = new ArrayList<>();
        List<DeletionRequest> failed = new ArrayList<>();
        List<DeletionRequest> overdue = new ArrayList<>();
        for (TenantId tenant : stores.deletionRequests().pendingTenants()) {
            List<DeletionRequest> pending = stores.deletionRequests().listPending(tenant, PAGE);
            if (privacy.isEmpty()) {
                LOG.warn("{} data deletion request(s) of tenant {} wait: set Conversa.builder().privacyPepper(...) "
                        + "to carry them out", pending.size(), tenant);
            }
            for (DeletionRequest request : pending) {
                privacy.ifPresent(p -> carryOut(p, request, now).ifPresentOrElse(done::add, () -> failed.add(request)));
            }
            for (DeletionRequest request : stores.deletionRequests().listPending(tenant, PAGE)) {
                if (!request.requestedAt().isAfter(now.minus(alertAge))) {
                    LOG.error("A data deletion request of tenant {} received at {} is still {} after {}; Meta "
                            + "expects it done within 30 days", tenant, request.requestedAt(), request.status(),
                            Duration.between(request.requestedAt(), now));
                    LOG.debug("Overdue data deletion request confirmation code {}", request.confirmationCode());
                    overdue.add(request);
                }
            }
        }
        return new DeletionRun(now, done, failed, overdue);
    }

    /**
     * Looks a request up by its confirmation code, for the status page Meta links to.
     *
     * @param tenant the business
     * @param confirmationCode the code the callback answered with
     * @return the request with its status and, once {@code DONE}, its counts; empty if unknown
     */
    public Optional<DeletionRequest> status(TenantId tenant, String confirmationCode) {
        return stores.deletionRequests().find(Objects.requireNonNull(tenant, "tenant"),
                Objects.requireNonNull(confirmationCode, "confirmationCode"));
    }

    private Optional<DeletionRequest> carryOut(Privacy eraser, DeletionRequest request, Instant now) {
        TenantId tenant = request.tenant();
        try {
            stores.deletionRequests().updateStatus(tenant, request.confirmationCode(), DeletionStatus.IN_PROGRESS,
                    now);
            Map<String, Integer> counts = new LinkedHashMap<>();
            List<ChannelAccount> accounts = stores.accounts().findByAppUserId(tenant, request.subject());
            counts.put(ACCOUNTS, accounts.size());
            for (ChannelAccount account : accounts) {
                disconnection.disconnect(account);
                if (accountData == AccountData.ERASE) {
                    disconnection.erase(tenant, account.channel(), account.accountId()).forEach((kind, count) -> counts.merge(kind, count, Integer::sum));
                }
            }
            ErasureReport person = eraser.erase(tenant, request.subject());
            person.counts().forEach((kind, count) -> counts.merge(kind, count, Integer::sum));
            Optional<DeletionRequest> completed = stores.deletionRequests().complete(tenant,
                    request.confirmationCode(), counts, now);
            LOG.info("Carried out a data deletion request of tenant {} received at {}: {}", tenant,
                    request.requestedAt(), counts);
            return completed;
        } catch (RuntimeException e) {
            LOG.warn("A data deletion request of tenant {} received at {} failed; the next run tries again: {}",
                    tenant, request.requestedAt(), e.getClass().getName());
            return Optional.empty();
        }
    }
}
