// Over 400 lines: the nested Builder (docs/conventions.md) is half of this file.
package dev.conversa;

import dev.conversa.channel.AccountEventListener;
import dev.conversa.channel.ChannelAccount;
import dev.conversa.channel.ChannelAdapter;
import dev.conversa.channel.ChannelCapabilities;
import dev.conversa.conversation.StateChangeListener;
import dev.conversa.agent.HandoffKeywords;
import dev.conversa.agent.HandoffMenu;
import dev.conversa.conversation.internal.Ownership;
import dev.conversa.conversation.internal.StateNotifier;
import dev.conversa.graph.GraphClient;
import dev.conversa.internal.privacy.KeyedHash;
import dev.conversa.internal.store.TenantCache;
import dev.conversa.lang.Secret;
import dev.conversa.model.ChannelType;
import dev.conversa.model.MessageTemplate;
import dev.conversa.model.OutboundMessage;
import dev.conversa.model.Template;
import dev.conversa.model.TenantId;
import dev.conversa.observe.ConversaObserver;
import dev.conversa.observe.PolicyEnforcementListener;
import dev.conversa.pipeline.Middleware;
import dev.conversa.pipeline.Pipeline;
import dev.conversa.pipeline.Step;
import dev.conversa.privacy.AccountData;
import dev.conversa.privacy.ErasureListener;
import dev.conversa.privacy.ErasureReport;
import dev.conversa.privacy.OptOutKeywords;
import dev.conversa.privacy.Privacy;
import dev.conversa.privacy.RetentionJob;
import dev.conversa.privacy.RetentionPolicy;
import dev.conversa.respond.Responder;
import dev.conversa.respond.RulesResponder;
import dev.conversa.respond.TurnBudget;
import dev.conversa.store.InboxEntry;
import dev.conversa.store.OutboxEntry;
import dev.conversa.store.OutboxState;
import dev.conversa.store.Stores;
import dev.conversa.store.memory.InMemoryStores;
import dev.conversa.webhook.WebhookHandler;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The entry point: built once by the host, it receives webhooks, answers customers through the
 * pipeline and sends through the outbox.
 *
 * <pre>{@code
 * Conversa conversa = Conversa.builder()
 *     .appSecret(Secret.of(System.getenv("META_APP_SECRET")))
 *     .verifyToken(Secret.of(System.getenv("META_VERIFY_TOKEN")))
 *     .channel(WhatsAppChannel.create())
 *     .responder(RulesResponder.builder().fallback("Thanks, we will answer soon.").build())
 *     .middleware(Step.RESPOND, businessHours)
 *     .build();
 * conversa.registerAccount(ChannelAccount.of(tenant, ChannelType.WHATSAPP, phoneNumberId, token));
 * conversa.start();
 * // in the host's HTTP handler:
 * WebhookResponse response = conversa.webhooks().handle(request);
 * // at shutdown:
 * conversa.close();
 * }</pre>
 *
 * <p>Immutable and thread-safe. {@link #start()} starts the dispatcher, the outbox worker and
 * the scheduled {@link #retention() retention job}, which also carries out Meta's
 * {@link #dataDeletions() data deletion requests};
 * {@link #close()} stops them, waiting a bounded time for work in progress. Work not finished
 * stays in the inbox and outbox and is taken up again at the next start.
 */
public final class Conversa implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Conversa.class);
    private static final Duration MAX_BACKOFF = Duration.ofMinutes(5);

    private final Stores stores;
    private final boolean storesInMemoryByDefault;
    private final AtomicBoolean started = new AtomicBoolean();
    private final Map<ChannelType, ChannelAdapter> channels;
    private final Pipeline pipeline;
    private final Dispatcher dispatcher;
    private final OutboxSender outboxSender;
    private final WebhookHandler webhooks;
    private final Conversations conversations;
    private final AccountDisconnection disconnection;
    private final DataDeletions dataDeletions;
    private final Agents agents;
    private final LeaseKeeper leases;
    private final RetentionJob retention;
    private final Optional<RetentionSchedule> retentionSchedule;
    private final Privacy privacy;
    private final Clock clock;
    private final AccountParking parking;
    private final GraphClient graph;

    Conversa(Builder builder) {
        this.clock = builder.clock;
        this.stores = builder.storesOrDefault();
        this.storesInMemoryByDefault = builder.stores == null;
        this.channels = builder.channelsByType();
        Pipeline.Builder pipelineBuilder = Pipeline.builder()
                .stores(stores)
                .responder(builder.handoffKeywords == null ? builder.responderOrDefault()
                        : new KeywordHandoff(builder.handoffKeywords, builder.responderOrDefault()))
                .clock(builder.clock)
                .burstQuietWindow(builder.burstQuietWindow)
                .burstMaxWait(builder.burstMaxWait)
                .observer(builder.observer)
                .turnBudget(builder.turnBudget);
        builder.appId.ifPresent(pipelineBuilder::appId);
        channels.forEach((type, adapter) -> pipelineBuilder.capabilities(type, adapter.capabilities()));
        this.parking = new AccountParking();
        pipelineBuilder.middleware(Step.RECORD,
                new PolicyEnforcements(stores.accounts(), parking, builder.policyEnforcementListeners));
        Ownership ownership = new Ownership(stores, builder.clock, builder.stateListeners);
        if (builder.handoffMenu != null) {
            pipelineBuilder.middleware(Step.COALESCE, new MenuHandoff(builder.handoffMenu, ownership));
        }
        builder.middleware.forEach(entry -> pipelineBuilder.middleware(entry.getKey(), entry.getValue()));
        builder.stateListeners.forEach(pipelineBuilder::stateListener);
        builder.accountListeners.forEach(pipelineBuilder::accountListener);
        pipelineBuilder.optOutKeywords(builder.optOutKeywords);
        builder.tenantKeywords.forEach(pipelineBuilder::optOutKeywords);
        this.privacy = builder.privacyPepper == null ? null : privacyOf(builder);
        if (privacy != null) {
            pipelineBuilder.privacy(privacy);
        }
        this.pipeline = pipelineBuilder.build();
        IntakeLoad intake = !builder.webhooksFirst ? IntakeLoad.NEVER_BUSY
                : builder.intakeLoad != null ? builder.intakeLoad : IntakeLoad.forThisMachine();
        Dispatcher.Settings settings = new Dispatcher.Settings(builder.concurrency, builder.pollInterval, builder.lease,
                builder.maxAttempts, new Backoff(builder.retryBackoff, MAX_BACKOFF), intake);
        this.leases = new LeaseKeeper(builder.lease, builder.clock);
        this.graph = builder.graphClientOrDefault();
        this.outboxSender = new OutboxSender(stores, channels, graph, builder.clock, settings, leases, ownership,
                builder.observer, parking);
        this.dispatcher = new Dispatcher(stores, pipeline, builder.clock, settings, leases,
                outboxSender::wake, this::checkSla);
        WebhookHandler.Builder webhookBuilder = WebhookHandler.builder()
                .verifyToken(builder.verifyToken)
                .channels(builder.channels)
                .accounts(stores.accounts())
                .inbox(stores.inbox())
                .deadLetters(stores.deadLetters())
                .clock(builder.clock)
                .observer(builder.webhooksFirst ? ConversaObserver.all(List.of(intake, builder.observer))
                        : builder.observer)
                .onAppended(entries -> dispatcher.wake());
        builder.appSecrets.forEach(webhookBuilder::appSecret);
        if (privacy != null) {
            webhookBuilder.privacy(privacy);
        }
        this.webhooks = webhookBuilder.build();
        this.conversations = new Conversations(stores, ownership);
        this.disconnection = new AccountDisconnection(stores, channels, graph, builder.clock);
        this.dataDeletions = new DataDeletions(stores, Optional.ofNullable(privacy), disconnection,
                builder.deletionRequestAccountData, builder.deletionRequestAlertAge);
        Map<ChannelType, ChannelCapabilities> capabilities = new HashMap<>();
        channels.forEach((type, adapter) -> capabilities.put(type, adapter.capabilities()));
        this.agents = new Agents(stores, ownership, builder.clock, capabilities, this::send,
                new SentimentReader(stores, builder.responderOrDefault(), capabilities), Optional.ofNullable(privacy));
        this.retention = RetentionJob.create(stores, builder.retention);
        this.retentionSchedule = builder.retentionEvery.map(every -> new RetentionSchedule(retention, dataDeletions,
                builder.clock, every));
    }

    /** Runs a due SLA timer of the inbox (from the dispatcher). */
    private void checkSla(InboxEntry timer) {
        agents.checkSla(timer);
    }

    private Privacy privacyOf(Builder builder) {
        Privacy.Builder privacyBuilder = Privacy.builder().stores(stores).pepper(builder.privacyPepper)
                .clock(builder.clock);
        builder.erasureListeners.forEach(privacyBuilder::listener);
        return privacyBuilder.build();
    }

    /**
     * Takes a snapshot of the operational state over every tenant, for health checks: the inbox
     * backlog and its oldest entry's age, parked inbox entries, the outbox depth, uncertain and
     * dead sends, and accounts whose token Meta refused. Read-only; a few count queries on the
     * stores. No personal data.
     *
     * @return the snapshot
     * @throws RuntimeException what the stores throw when they cannot be read (the database is
     *     unreachable)
     */
    public HealthSnapshot health() {
        Instant now = clock.instant();
        Map<OutboxState, Long> outbox = stores.outbox().countByState();
        Optional<Duration> oldest = stores.inbox().oldestPendingAt()
                .map(at -> at.isAfter(now) ? Duration.ZERO : Duration.between(at, now));
        return new HealthSnapshot(now, stores.inbox().pendingCount(), oldest, stores.inbox().parkedCount(),
                outbox.getOrDefault(OutboxState.PENDING, 0L) + outbox.getOrDefault(OutboxState.SENDING, 0L),
                outbox.getOrDefault(OutboxState.SEND_UNCERTAIN, 0L), outbox.getOrDefault(OutboxState.DEAD, 0L),
                outboxSender.accountsWithRefusedToken());
    }

    /**
     * Starts configuring a facade.
     *
     * @return a builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The webhook intake, for the host's HTTP endpoint (GET handshake and POST events).
     *
     * @return the handler
     */
    public WebhookHandler webhooks() {
        return webhooks;
    }

    /**
     * Agents, queues, assignment of conversations handed to a person, and internal notes.
     *
     * @return the agents API
     */
    public Agents agents() {
        return agents;
    }

    /**
     * Reads conversations and hands them to a person or back to the bot.
     *
     * @return the conversation API
     */
    public Conversations conversations() {
        return conversations;
    }

    /**
     * The retention job: it removes what the {@link Builder#retention retention policy}
     * no longer allows to keep. {@link #start()} runs it on a schedule unless the builder turned
     * that off; a host can also run it itself with {@code retention().run(now)}.
     *
     * @return the job
     */
    public RetentionJob retention() {
        return retention;
    }

    /**
     * Meta's data deletion requests: carried out by {@link #start()}'s scheduled job (with the
     * retention job) or by {@code dataDeletions().run(now)}, and their status by confirmation code
     * for the host's status page.
     *
     * @return the data deletion requests API
     */
    public DataDeletions dataDeletions() {
        return dataDeletions;
    }

    /**
     * Erases or exports one person, located by phone number, user name or channel id, across
     * every channel of a tenant, and carries erasures out again after a backup is restored.
     *
     * @return the privacy API
     * @throws IllegalStateException if no privacy pepper was set with
     *     {@link Builder#privacyPepper}: without it nothing can stay of an erased person
     *     that keeps them erased, so erasure is refused rather than done halfway
     */
    public Privacy privacy() {
        if (privacy == null) {
            throw new IllegalStateException("privacyPepper is not set: set a secret of at least "
                    + KeyedHash.MIN_PEPPER_LENGTH + " characters with Conversa.builder().privacyPepper(Secret.of(...)) "
                    + "to erase people");
        }
        return privacy;
    }

    /**
     * Registers (or replaces) a connected business account, so that its webhooks are accepted
     * and replies can be sent for it. Registering an account Meta blocked for its messaging
     * policies lifts the block in this process (see {@link PolicyEnforcementListener}).
     *
     * @param account the account
     * @throws IllegalArgumentException if no channel of the account's type was added
     * @throws IllegalStateException if the account id is registered to another tenant
     */
    public void registerAccount(ChannelAccount account) {
        Objects.requireNonNull(account, "account");
        if (!channels.containsKey(account.channel())) {
            throw new IllegalArgumentException("no " + account.channel() + " channel was added to this Conversa; "
                    + "add it with Conversa.builder().channel(...)");
        }
        stores.accounts().save(account);
        parking.unblock(account.channel(), account.accountId());
    }

    /**
     * Disconnects an account and keeps its data: it leaves the registry at once, so its webhooks
     * are acknowledged and no longer processed, its events already in the inbox are completed
     * without processing, and messages still queued for it are not sent. Then Meta is asked to
     * stop its webhooks where the channel allows it ({@link ChannelAdapter#unsubscribe}: a Page's
     * or a WhatsApp Business Account's {@code subscribed_apps}), unless another connected account
     * of the tenant shares that subscription ({@link ChannelAdapter#subscription}); a refusal is
     * logged at WARN and the account stays disconnected. Its conversations stay readable.
     *
     * @param tenant the business
     * @param channel the channel
     * @param accountId the account's id
     * @return true if the account was registered to this tenant
     */
    public boolean disconnectAccount(TenantId tenant, ChannelType channel, String accountId) {
        return disconnection.disconnect(Objects.requireNonNull(tenant, "tenant"), Objects.requireNonNull(channel,
                "channel"), Objects.requireNonNull(accountId, "accountId"));
    }

    /**
     * Disconnects, as {@link #disconnectAccount}, every account of a tenant that an app user
     * connected ({@link ChannelAccount#appUserId()}), keeping their data; Meta's deauthorize
     * callback asks for this ({@code DeauthorizeCallback.builder().disconnector(conversa::disconnectAppUser)}).
     * Idempotent.
     *
     * @param tenant the business
     * @param appUserId the app-scoped user id of the business person who connected the accounts
     * @return how many accounts were disconnected
     */
    public int disconnectAppUser(TenantId tenant, String appUserId) {
        return disconnection.disconnectAppUser(Objects.requireNonNull(tenant, "tenant"),
                Objects.requireNonNull(appUserId, "appUserId"));
    }

    /**
     * Disconnects an account, as {@link #disconnectAccount}, and erases its data: every
     * conversation with the account, their messages and queued work, and the contacts (with
     * their consent records) who wrote to no other account of the tenant on that channel. The
     * audit log records counts, not people.
     *
     * @param tenant the business
     * @param channel the channel
     * @param accountId the account's id
     * @return how many conversations were erased
     */
    public int disconnectAccountAndErase(TenantId tenant, ChannelType channel, String accountId) {
        disconnectAccount(tenant, channel, accountId);
        return disconnection.erase(tenant, channel, accountId).get(ErasureReport.CONVERSATIONS);
    }

    /**
     * Reads an account's message template catalogue from its channel (WhatsApp:
     * {@code GET /{waba-id}/message_templates}, every page) and keeps it, replacing the one kept
     * for its business account, so that template sends are checked against it before any
     * request: an unknown template, one not approved, or a wrong number of body parameters is
     * refused with the reason. Template status and category webhooks keep it up to date between
     * refreshes.
     *
     * @param tenant the business
     * @param channel the channel
     * @param accountId the account's id
     * @return the catalogue, by name and language
     * @throws IllegalArgumentException if the account is not registered to the tenant, or names no
     *     business account ({@link ChannelAccount#withBusinessAccountId})
     * @throws UnsupportedOperationException if the channel has no templates
     * @throws dev.conversa.graph.GraphApiException if Meta refused
     */
    public List<MessageTemplate> refreshTemplates(TenantId tenant, ChannelType channel, String accountId) {
        ChannelAccount account = registered(tenant, channel, accountId);
        String business = account.businessAccountId().orElseThrow(() -> new IllegalArgumentException("account "
                + channel + ":" + accountId + " names no business account; register it with "
                + "ChannelAccount.withBusinessAccountId(...)"));
        ChannelAdapter adapter = channels.get(channel);
        if (adapter == null) {
            throw new IllegalArgumentException("no " + channel + " channel was added to this Conversa");
        }
        List<MessageTemplate> templates = adapter.templates(account, graph);
        stores.accounts().replaceTemplates(tenant, channel, business, templates);
        return stores.accounts().templates(tenant, channel, business);
    }

    /**
     * The message template catalogue kept for an account's business account: from
     * {@link #refreshTemplates} and template webhooks.
     *
     * @param tenant the business
     * @param channel the channel
     * @param accountId the account's id
     * @return the templates, by name and language; empty when none is known
     * @throws IllegalArgumentException if the account is not registered to the tenant
     */
    public List<MessageTemplate> templates(TenantId tenant, ChannelType channel, String accountId) {
        ChannelAccount account = registered(tenant, channel, accountId);
        return account.businessAccountId().map(business -> stores.accounts().templates(tenant, channel, business))
                .orElse(List.of());
    }

    private ChannelAccount registered(TenantId tenant, ChannelType channel, String accountId) {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(accountId, "accountId");
        return stores.accounts().findByAccountId(channel, accountId).filter(a -> a.tenant().equals(tenant))
                .orElseThrow(() -> new IllegalArgumentException("account " + channel + ":" + accountId
                        + " is not registered to this tenant"));
    }

    /**
     * Lists a tenant's registered accounts.
     *
     * @param tenant the business
     * @return the accounts
     */
    public List<ChannelAccount> accounts(TenantId tenant) {
        return stores.accounts().list(Objects.requireNonNull(tenant, "tenant"));
    }

    /**
     * Sends a message the host initiated (from an agent, or from the bot), through the outbox
     * and the send gate: a bot message is discarded if a person holds the conversation, and
     * anything but a template is refused outside the channel's reply window. A message to a
     * person who opted out (STOP) is refused unless it is an agent's ({@code Author.AGENT})
     * answer, not a template, to a message they wrote after opting out. The outcome is
     * visible in the message's status and the outbox entry.
     *
     * @param tenant the business
     * @param message the message, with its author
     * @return the queued outbox entry
     */
    public OutboxEntry send(TenantId tenant, OutboundMessage message) {
        return send(tenant, message, "host:" + UUID.randomUUID());
    }

    /**
     * Like {@link #send(TenantId, OutboundMessage)}, queued once per idempotency key: sending
     * again with the same key returns the entry queued first.
     *
     * @param tenant the business
     * @param message the message, with its author
     * @param idempotencyKey unique per logical send within the tenant; not starting with
     *     {@code "consent:"}, reserved for the confirmations of STOP and START
     * @return the queued outbox entry
     * @throws IllegalArgumentException if the key starts with {@code "consent:"}; or, for a
     *     template, if the account's template catalogue (see {@link #refreshTemplates}) does not
     *     hold it, it is not approved or its body takes another number of parameters, or the
     *     account's business account is banned or restricted from sending templates (nothing was
     *     queued)
     */
    public OutboxEntry send(TenantId tenant, OutboundMessage message, String idempotencyKey) {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(message, "message");
        Optional<ChannelAccount> account = stores.accounts().findByAccountId(message.to().channel(),
                message.to().accountId()).filter(found -> found.tenant().equals(tenant));
        if (account.isPresent() && message.content() instanceof Template) {
            Optional<String> refusal = TemplateCheck.refusal(stores.accounts(), tenant, account.get(), message,
                    clock.instant());
            if (refusal.isPresent()) {
                throw new IllegalArgumentException(refusal.get());
            }
        }
        OutboxEntry entry = pipeline.enqueue(tenant, message, idempotencyKey);
        outboxSender.wake();
        return entry;
    }

    /**
     * Starts the dispatcher and the outbox worker; calling it again does nothing. Without
     * configured stores it warns, once, that everything is kept in memory only.
     */
    public void start() {
        if (started.compareAndSet(false, true) && storesInMemoryByDefault) {
            LOG.warn("No stores configured: conversations, queued replies and accounts are kept in memory, so "
                    + "nothing survives a restart; set persistent stores with Conversa.builder().stores(...), "
                    + "such as JdbcStores");
        }
        outboxSender.start();
        dispatcher.start();
        retentionSchedule.ifPresent(RetentionSchedule::start);
    }

    /**
     * Stops the workers, waiting up to ten seconds each for work in progress. Unfinished work
     * stays in the inbox and outbox.
     */
    @Override
    public void close() {
        retentionSchedule.ifPresent(RetentionSchedule::close);
        dispatcher.close();
        outboxSender.close();
        leases.close();
    }

    /**
     * Configures a {@link Conversa}. Only the app secret, the verify token and one channel are
     * required; everything else has a default. {@link #build()} validates and names the setting
     * that is wrong. Not thread-safe; build once at start-up.
     */
    public static final class Builder {

        /** The default quiet window of burst coalescing: 1.5 seconds. */
        public static final Duration DEFAULT_BURST_QUIET_WINDOW = Duration.ofMillis(1500);
        /** The default longest wait of burst coalescing: 10 seconds. */
        public static final Duration DEFAULT_BURST_MAX_WAIT = Duration.ofSeconds(10);
        /** The default lease on inbox and outbox work: 15 seconds, renewed every 5 while the work runs. */
        public static final Duration DEFAULT_LEASE = Duration.ofSeconds(15);
        /** How often the retention job runs by default: every hour. */
        public static final Duration DEFAULT_RETENTION_INTERVAL = Duration.ofHours(1);
        /** The default fallback of the default rules responder. */
        public static final String DEFAULT_FALLBACK = "Thanks for your message! We will get back to you soon.";

        final List<Secret> appSecrets = new ArrayList<>();
        final List<ChannelAdapter> channels = new ArrayList<>();
        final List<Map.Entry<Step, Middleware>> middleware = new ArrayList<>();
        final List<StateChangeListener> stateListeners = new ArrayList<>();
        final List<PolicyEnforcementListener> policyEnforcementListeners = new ArrayList<>();
        final List<AccountEventListener> accountListeners = new ArrayList<>();
        ConversaObserver observer = ConversaObserver.NONE;
        Secret verifyToken;
        Stores stores;
        Responder responder;
        GraphClient graphClient;
        Clock clock = Clock.systemUTC();
        Duration burstQuietWindow = DEFAULT_BURST_QUIET_WINDOW;
        Duration burstMaxWait = DEFAULT_BURST_MAX_WAIT;
        int concurrency = 16;
        boolean webhooksFirst = true;
        /** The measure of the webhook endpoint's load, for tests; null for this machine's. */
        IntakeLoad intakeLoad;
        Duration pollInterval = Duration.ofMillis(150);
        Duration lease = DEFAULT_LEASE;
        int maxAttempts = 5;
        Duration retryBackoff = Duration.ofSeconds(1);
        Optional<String> appId = Optional.empty();
        RetentionPolicy retention = RetentionPolicy.defaults();
        Optional<Duration> retentionEvery = Optional.of(DEFAULT_RETENTION_INTERVAL);
        Secret privacyPepper;
        HandoffKeywords handoffKeywords;
        HandoffMenu handoffMenu;
        TurnBudget turnBudget = TurnBudget.create();
        final List<ErasureListener> erasureListeners = new ArrayList<>();
        AccountData deletionRequestAccountData = AccountData.ERASE;
        Duration deletionRequestAlertAge = DataDeletions.DEFAULT_ALERT_AGE;
        OptOutKeywords optOutKeywords = OptOutKeywords.defaults();
        final Map<TenantId, OptOutKeywords> tenantKeywords = new LinkedHashMap<>();

        Builder() {
        }

        /**
         * Adds a Meta app secret that signs webhooks (required; call again to accept a second one
         * during a rotation).
         *
         * @param appSecret the secret
         * @return this builder
         */
        public Builder appSecret(Secret appSecret) {
            appSecrets.add(Objects.requireNonNull(appSecret, "appSecret"));
            return this;
        }

        /**
         * Sets the verify token of the webhook subscription handshake (required).
         *
         * @param token the token chosen when subscribing the webhook
         * @return this builder
         */
        public Builder verifyToken(Secret token) {
            this.verifyToken = Objects.requireNonNull(token, "verifyToken");
            return this;
        }

        /**
         * Adds a channel (at least one is required).
         *
         * @param adapter the channel, such as {@code WhatsAppChannel.create()}; {@link #build()}
         *     refuses two channels of the same type
         * @return this builder
         */
        public Builder channel(ChannelAdapter adapter) {
            channels.add(Objects.requireNonNull(adapter, "channel"));
            return this;
        }

        /**
         * Sets the stores (default: in memory, which loses everything when the process stops;
         * {@link Conversa#start()} then logs a warning).
         *
         * @param allStores the stores, such as {@code JdbcStores}
         * @return this builder
         */
        public Builder stores(Stores allStores) {
            this.stores = Objects.requireNonNull(allStores, "stores");
            return this;
        }

        /**
         * Sets what answers customers (default: a {@link RulesResponder} that thanks the customer
         * with {@link #DEFAULT_FALLBACK}).
         *
         * @param bot the responder
         * @return this builder
         */
        public Builder responder(Responder bot) {
            this.responder = Objects.requireNonNull(bot, "responder");
            return this;
        }

        /**
         * Sets the Graph API client (default: {@code GraphClient.builder().build()}).
         *
         * @param client the client
         * @return this builder
         */
        public Builder graphClient(GraphClient client) {
            this.graphClient = Objects.requireNonNull(client, "graphClient");
            return this;
        }

        /**
         * Sets the clock (default: the system clock in UTC).
         *
         * @param time the clock
         * @return this builder
         */
        public Builder clock(Clock time) {
            this.clock = Objects.requireNonNull(time, "clock");
            return this;
        }

        /**
         * Sets how long a customer must pause before the bot answers (default 1.5 s). With zero,
         * a message is answered as soon as it is handled; messages already waiting in the inbox
         * behind it are still gathered into one reply.
         *
         * @param window zero or positive
         * @return this builder
         */
        public Builder burstQuietWindow(Duration window) {
            this.burstQuietWindow = Objects.requireNonNull(window, "burstQuietWindow");
            return this;
        }

        /**
         * Sets the longest wait after the first unanswered message (default 10 s).
         *
         * @param wait zero or positive
         * @return this builder
         */
        public Builder burstMaxWait(Duration wait) {
            this.burstMaxWait = Objects.requireNonNull(wait, "burstMaxWait");
            return this;
        }

        /**
         * Sets how many inbox entries, and separately how many outbox sends, run at once
         * (default 16). Events beyond it wait in the inbox. The default suits a responder that
         * waits on a model; with one that answers at once (rules) on a small machine, workers
         * beyond a few only take the CPU from webhook intake (on 2 cores, 2 to 4 answered as fast
         * as 16: {@code docs/performance.md}). While the webhook endpoint is busy they run one at
         * a time anyway ({@link #webhooksFirst}).
         *
         * @param workers at least 1
         * @return this builder
         */
        public Builder concurrency(int workers) {
            this.concurrency = workers;
            return this;
        }

        /**
         * Sets whether the webhook endpoint goes first (default true): while its calls overlap,
         * on average as many in flight over the last 100 ms as the machine has processors (calls
         * refused with a 4xx, such as unsigned ones, do not count), the inbox and outbox workers
         * take turns, one entry at a time among them instead of {@link #concurrency} each, each
         * followed by a pause as long as it took (at most 100 ms; an entry that runs longer lets
         * the other workers take a turn beside it), and go back to full concurrency once the calls
         * stop overlapping. Replies go on through a long burst, at that pace. A webhook is acknowledged
         * only after its events are committed and Meta delivers again when answers are slow, so
         * under overload the acknowledgements keep the machine and the replies wait in the inbox;
         * nothing is dropped. Turn it off when the workers must keep their concurrency through
         * long bursts of webhooks, for a responder that waits seconds on a model, say, on a
         * machine with processors to spare.
         *
         * @param enabled false to let the workers keep their concurrency under any load
         * @return this builder
         */
        public Builder webhooksFirst(boolean enabled) {
            this.webhooksFirst = enabled;
            return this;
        }

        /**
         * Sets how often the workers look for work that became due, such as a reply after the
         * quiet window or a retry (default 150 ms). New webhooks wake them at once.
         *
         * @param interval positive
         * @return this builder
         */
        public Builder pollInterval(Duration interval) {
            this.pollInterval = Objects.requireNonNull(interval, "pollInterval");
            return this;
        }

        /**
         * Sets how long a worker's claim on an inbox entry or an outbox send holds (default 15 s).
         * The claim is renewed at a third of this while the work runs, however long it takes; when
         * a process stops, its work is claimed by another worker (or by the same process after a
         * restart) once the lease ran out, so a short lease means a short delay after a crash. A
         * send that was under way when its process stopped becomes {@code SEND_UNCERTAIN}.
         *
         * @param duration at least one second
         * @return this builder
         */
        public Builder lease(Duration duration) {
            this.lease = Objects.requireNonNull(duration, "lease");
            return this;
        }

        /**
         * Sets how long stored data is kept (default: {@link RetentionPolicy#defaults()}). The
         * retention job removes what is older; see {@link Conversa#retention()}.
         *
         * @param policy the periods per data class and tenant
         * @return this builder
         */
        public Builder retention(RetentionPolicy policy) {
            this.retention = Objects.requireNonNull(policy, "retention");
            return this;
        }

        /**
         * Sets how often {@link Conversa#start()} runs the retention job (default hourly; the first
         * run comes a minute after start, or after the interval if shorter).
         *
         * @param interval at least one second
         * @return this builder
         */
        public Builder retentionEvery(Duration interval) {
            this.retentionEvery = Optional.of(Objects.requireNonNull(interval, "retentionEvery"));
            return this;
        }

        /**
         * Turns the scheduled retention job off, for a host that runs {@code conversa.retention().run(now)}
         * itself (for example once per cluster from its own scheduler). Without such runs nothing is
         * ever removed, so the retention promises no longer hold by themselves.
         *
         * @return this builder
         */
        public Builder withoutScheduledRetention() {
            this.retentionEvery = Optional.empty();
            return this;
        }

        /**
         * Sets the deployment's pepper: the key of the keyed hashes (HMAC-SHA256) that are all that
         * stays of an erased person's identifiers, in the erasure ledger and the audit log. Required
         * for {@link Conversa#privacy()}, which refuses to work without it; at least 32 characters,
         * the same on every instance, kept secret and kept across restarts and backups (a new pepper
         * no longer recognises the ledger, so redelivered webhooks of people erased before would be
         * stored again and {@code reapplyErasures()} would find nothing).
         *
         * @param pepper the pepper
         * @return this builder
         */
        public Builder privacyPepper(Secret pepper) {
            this.privacyPepper = Objects.requireNonNull(pepper, "privacyPepper");
            return this;
        }

        /**
         * Adds a listener told after each erasure of a person, so the host erases its own copies; a
         * listener that fails is tried again and then reported in the erasure report.
         *
         * @param listener the listener
         * @return this builder
         */
        public Builder erasureListener(ErasureListener listener) {
            erasureListeners.add(Objects.requireNonNull(listener, "erasureListener"));
            return this;
        }

        /**
         * Sets what becomes of the data of the accounts an app user connected when their data
         * deletion request is carried out ({@link Conversa#dataDeletions()}): erased (the
         * default) or kept. The accounts are disconnected either way.
         *
         * @param data {@link AccountData#ERASE} or {@link AccountData#KEEP}
         * @return this builder
         */
        public Builder deletionRequestAccountData(AccountData data) {
            this.deletionRequestAccountData = Objects.requireNonNull(data, "deletionRequestAccountData");
            return this;
        }

        /**
         * Sets the STOP and START keywords of every tenant without its own (default:
         * {@link OptOutKeywords#defaults()}: STOP, UNSUBSCRIBE, BAJA, PARAR, CANCELAR, SAIR; START,
         * ALTA, VOLTAR). A message that is one of them alone opts the person out of every automated
         * message, on every channel and linked identity, and they receive one confirmation; the
         * outbox refuses automated messages to them until they opt in again.
         *
         * @param keywords the keywords
         * @return this builder
         */
        public Builder optOutKeywords(OptOutKeywords keywords) {
            this.optOutKeywords = Objects.requireNonNull(keywords, "optOutKeywords");
            return this;
        }

        /**
         * Sets how long a data deletion request may stay pending before each run logs it at ERROR
         * and reports it (default {@link DataDeletions#DEFAULT_ALERT_AGE}, 25 days: inside the 30
         * days Meta allows).
         *
         * @param age positive
         * @return this builder
         */
        public Builder deletionRequestAlertAge(Duration age) {
            this.deletionRequestAlertAge = Objects.requireNonNull(age, "deletionRequestAlertAge");
            return this;
        }

        /**
         * Sets one tenant's STOP and START keywords, in place of the default ones.
         *
         * @param tenant the business
         * @param keywords its keywords
         * @return this builder
         */
        public Builder optOutKeywords(TenantId tenant, OptOutKeywords keywords) {
            tenantKeywords.put(Objects.requireNonNull(tenant, "tenant"), Objects.requireNonNull(keywords,
                    "optOutKeywords"));
            return this;
        }

        /**
         * Sets how many times an inbox entry or a retryable send is tried before it is parked or
         * marked dead (default 5).
         *
         * @param attempts at least 1
         * @return this builder
         */
        public Builder maxAttempts(int attempts) {
            this.maxAttempts = attempts;
            return this;
        }

        /**
         * Sets the delay after the first failed attempt; it doubles with every further attempt,
         * up to five minutes (default 1 s).
         *
         * @param backoff positive
         * @return this builder
         */
        public Builder retryBackoff(Duration backoff) {
            this.retryBackoff = Objects.requireNonNull(backoff, "retryBackoff");
            return this;
        }

        /**
         * Sets the Meta app id of this integration (optional), to tell a Messenger handover to this
         * app from one to another app, and the echo of a message this library sent from a message a
         * person sent elsewhere.
         *
         * @param appId the app id
         * @return this builder
         */
        public Builder appId(String appId) {
            this.appId = Optional.of(Objects.requireNonNull(appId, "appId"));
            return this;
        }

        /**
         * Inserts host middleware before a built-in step.
         *
         * @param before the step it runs before
         * @param hostStep the middleware
         * @return this builder
         */
        public Builder middleware(Step before, Middleware hostStep) {
            middleware.add(Map.entry(Objects.requireNonNull(before, "step"), Objects.requireNonNull(hostStep, "middleware")));
            return this;
        }

        /**
         * Sets the observer told pipeline, responder and send latencies and send outcomes, for
         * metrics (default: none). Its calls carry no personal data; one that throws is ignored.
         *
         * @param conversaObserver the observer
         * @return this builder
         */
        public Builder observer(ConversaObserver conversaObserver) {
            this.observer = Objects.requireNonNull(conversaObserver, "observer");
            return this;
        }

        /**
         * Adds a listener told whenever who answers a conversation changes: the responder hands it
         * to a person, the channel reports a person answering or another app taking the thread, or
         * the host changes it through {@link Conversa#conversations()}. The Messenger handover
         * protocol plugs in here.
         *
         * @param listener the listener
         * @return this builder
         */
        public Builder stateListener(StateChangeListener listener) {
            stateListeners.add(Objects.requireNonNull(listener, "listener"));
            return this;
        }

        /**
         * Adds a listener told when Meta warns, blocks or unblocks a business account for its
         * messaging policies. Whether or not one is added, a blocked account sends nothing until
         * Meta unblocks it or it is registered again.
         *
         * @param listener the listener
         * @return this builder
         */
        public Builder policyEnforcementListener(PolicyEnforcementListener listener) {
            policyEnforcementListeners.add(Objects.requireNonNull(listener, "listener"));
            return this;
        }

        /**
         * Adds a listener told what a channel said about a business account: a template approved,
         * rejected or paused, a quality drop, a ban, restriction or reinstatement
         * ({@code AccountEvent}), after it was recorded. Such webhooks reach a tenant only through
         * accounts registered with their business account ({@link ChannelAccount#withBusinessAccountId}).
         *
         * @param listener the listener
         * @return this builder
         */
        public Builder accountListener(AccountEventListener listener) {
            accountListeners.add(Objects.requireNonNull(listener, "accountListener"));
            return this;
        }

        /**
         * Hands a conversation to a person, in the tenant's default queue, when the customer's
         * message is, as a whole, one of these keywords (case, accents and punctuation ignored),
         * before the responder is asked. Off unless set; {@link HandoffKeywords#defaults()} covers
         * English, Spanish and Portuguese.
         *
         * @param keywords the keywords
         * @return this builder
         */
        public Builder handoffKeywords(HandoffKeywords keywords) {
            this.handoffKeywords = Objects.requireNonNull(keywords, "handoffKeywords");
            return this;
        }

        /**
         * Hands a conversation to a queue when the customer taps a menu choice (button, list
         * row, quick reply, postback) whose id the menu maps to that queue, while the bot holds
         * the conversation; the responder is not asked. Off unless set.
         *
         * @param menu the menu choices and their queues, per tenant
         * @return this builder
         */
        public Builder handoffMenu(HandoffMenu menu) {
            this.handoffMenu = Objects.requireNonNull(menu, "handoffMenu");
            return this;
        }

        /**
         * Sets how many responder turns (AI calls) one sender and one tenant may spend per window
         * (default {@link TurnBudget#create()}: 20 per sender and 5,000 per tenant every ten
         * minutes). A sender over the budget gets the budget's notice once per window, then
         * silence; other senders and tenants are answered as usual. Counted in memory, shared by
         * all workers of this instance; each instance counts its own.
         *
         * @param budget the budget
         * @return this builder
         */
        public Builder turnBudget(TurnBudget budget) {
            this.turnBudget = Objects.requireNonNull(budget, "turnBudget");
            return this;
        }

        /**
         * Builds the facade; it does not start working until {@link Conversa#start()}.
         *
         * @return the facade
         * @throws IllegalStateException naming the setting that is missing or out of range
         */
        public Conversa build() {
            if (appSecrets.isEmpty()) {
                throw new IllegalStateException("appSecret is required: set the Meta app secret that signs webhooks "
                        + "with appSecret(Secret.of(...)); verification cannot be turned off");
            }
            if (verifyToken == null) {
                throw new IllegalStateException("verifyToken is required: set the token chosen when subscribing the "
                        + "webhook with verifyToken(Secret.of(...))");
            }
            if (channels.isEmpty()) {
                throw new IllegalStateException("channel is required: add at least one channel, such as "
                        + "channel(WhatsAppChannel.create())");
            }
            requireAtLeastOne(concurrency, "concurrency");
            requireAtLeastOne(maxAttempts, "maxAttempts");
            requireNotNegative(burstQuietWindow, "burstQuietWindow");
            requireNotNegative(burstMaxWait, "burstMaxWait");
            requirePositive(pollInterval, "pollInterval");
            requirePositive(retryBackoff, "retryBackoff");
            requirePositive(deletionRequestAlertAge, "deletionRequestAlertAge");
            if (privacyPepper != null && privacyPepper.reveal().length() < KeyedHash.MIN_PEPPER_LENGTH) {
                throw new IllegalStateException("privacyPepper must be at least " + KeyedHash.MIN_PEPPER_LENGTH
                        + " characters");
            }
            if (retentionEvery.isPresent() && retentionEvery.get().compareTo(Duration.ofSeconds(1)) < 0) {
                throw new IllegalStateException("retentionEvery must be at least one second, got "
                        + retentionEvery.get() + "; to turn the scheduled job off, call withoutScheduledRetention()");
            }
            if (lease.compareTo(Duration.ofSeconds(1)) < 0) {
                throw new IllegalStateException("lease must be at least one second, got " + lease);
            }
            channelsByType();
            return new Conversa(this);
        }

        Map<ChannelType, ChannelAdapter> channelsByType() {
            Map<ChannelType, ChannelAdapter> byType = new LinkedHashMap<>();
            for (ChannelAdapter adapter : channels) {
                if (byType.putIfAbsent(adapter.type(), adapter) != null) {
                    throw new IllegalStateException("channel: a " + adapter.type()
                            + " channel was added twice; add one channel per type");
                }
            }
            return Collections.unmodifiableMap(byType);
        }

        /** The stores, with intake's account lookups cached (saves and deletes through Conversa forget at once). */
        Stores storesOrDefault() {
            Stores chosen = stores != null ? stores : InMemoryStores.create();
            return chosen.toBuilder().accounts(TenantCache.over(chosen.accounts())).build();
        }

        Responder responderOrDefault() {
            return responder != null ? responder : RulesResponder.builder().fallback(DEFAULT_FALLBACK).build();
        }

        GraphClient graphClientOrDefault() {
            return graphClient != null ? graphClient : GraphClient.builder().build();
        }

        private static void requireAtLeastOne(int value, String setting) {
            if (value < 1) {
                throw new IllegalStateException(setting + " must be at least 1, was " + value);
            }
        }

        private static void requireNotNegative(Duration value, String setting) {
            if (value.isNegative()) {
                throw new IllegalStateException(setting + " must not be negative, was " + value);
            }
        }

        private static void requirePositive(Duration value, String setting) {
            if (value.isNegative() || value.isZero()) {
                throw new IllegalStateException(setting + " must be positive, was " + value);
            }
        }
    }
}
