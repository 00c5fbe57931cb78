package dev.conversa;

import dev.conversa.conversation.internal.Ownership;
import dev.conversa.channel.ChannelAccount;
import dev.conversa.channel.ChannelAdapter;
import dev.conversa.model.ChannelType;
import dev.conversa.model.OutboundMessage;
import dev.conversa.model.TenantId;
import dev.conversa.pipeline.Pipeline;
import dev.conversa.store.OutboxEntry;
import dev.conversa.store.Stores;
import dev.conversa.webhook.WebhookHandler;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
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
 * <p>Immutable and thread-safe. {@link #start()} starts the dispatcher and the outbox worker;
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
    private final AccountErasure erasure;
    private final LeaseKeeper leases;

    Conversa(ConversaBuilder builder) {
        this.stores = builder.storesOrDefault();
        this.storesInMemoryByDefault = builder.stores == null;
        this.channels = Map.copyOf(builder.channels);
        Pipeline.Builder pipelineBuilder = Pipeline.builder()
                .stores(stores)
                .responder(builder.responderOrDefault())
                .clock(builder.clock)
                .quietWindow(builder.quietWindow)
                .maxWait(builder.maxWait);
        builder.metaAppId.ifPresent(pipelineBuilder::appId);
        channels.forEach((type, adapter) -> pipelineBuilder.capabilities(type, adapter.capabilities()));
        builder.middleware.forEach(entry -> pipelineBuilder.middleware(entry.getKey(), entry.getValue()));
        builder.stateListeners.forEach(pipelineBuilder::stateListener);
        this.pipeline = pipelineBuilder.build();
        Dispatcher.Settings settings = new Dispatcher.Settings(builder.concurrency, builder.pollInterval, builder.lease,
                builder.maxAttempts, new Backoff(builder.retryBackoff, MAX_BACKOFF));
        Ownership ownership = new Ownership(stores, builder.clock, builder.stateListeners);
        this.leases = new LeaseKeeper(builder.lease, builder.clock);
        this.outboxSender = new OutboxSender(stores, channels, builder.graphClientOrDefault(), builder.clock, settings,
                leases, ownership);
        this.dispatcher = new Dispatcher(stores.inbox(), pipeline, builder.clock, settings, leases,
                outboxSender::wake);
        WebhookHandler.Builder webhookBuilder = WebhookHandler.builder()
                .verifyToken(builder.verifyToken)
                .channels(builder.channels.values())
                .accounts(stores.accounts())
                .inbox(stores.inbox())
                .deadLetters(stores.deadLetters())
                .clock(builder.clock)
                .onAppended(entries -> dispatcher.wake());
        builder.appSecrets.forEach(webhookBuilder::appSecret);
        this.webhooks = webhookBuilder.build();
        this.conversations = new Conversations(stores, ownership);
        this.erasure = new AccountErasure(stores, builder.clock);
    }

    /**
     * Starts configuring a facade.
     *
     * @return a builder
     */
    public static ConversaBuilder builder() {
        return new ConversaBuilder();
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
     * Reads conversations and hands them to a person or back to the bot.
     *
     * @return the conversation API
     */
    public Conversations conversations() {
        return conversations;
    }

    /**
     * Registers (or replaces) a connected business account, so that its webhooks are accepted
     * and replies can be sent for it.
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
    }

    /**
     * Disconnects an account and keeps its data: it leaves the registry, so its webhooks are
     * acknowledged and no longer processed, and messages still queued for it are not sent. Its
     * conversations stay readable. To stop Meta's webhooks too, unsubscribe the app (for a Page,
     * {@code PageConnector.disconnect}).
     *
     * @param tenant the business
     * @param channel the channel
     * @param accountId the account's id
     * @return true if the account was registered to this tenant
     */
    public boolean disconnectAccount(TenantId tenant, ChannelType channel, String accountId) {
        return stores.accounts().delete(Objects.requireNonNull(tenant, "tenant"), Objects.requireNonNull(channel,
                "channel"), Objects.requireNonNull(accountId, "accountId"));
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
        return erasure.erase(tenant, channel, accountId);
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
     * anything but a template is refused outside the channel's reply window. The outcome is
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
     * @param idempotencyKey unique per logical send within the tenant
     * @return the queued outbox entry
     */
    public OutboxEntry send(TenantId tenant, OutboundMessage message, String idempotencyKey) {
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
    }

    /**
     * Stops the workers, waiting up to ten seconds each for work in progress. Unfinished work
     * stays in the inbox and outbox.
     */
    @Override
    public void close() {
        dispatcher.close();
        outboxSender.close();
        leases.close();
    }
}
