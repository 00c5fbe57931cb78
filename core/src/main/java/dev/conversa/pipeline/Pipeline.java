package dev.conversa.pipeline;

import dev.conversa.channel.ChannelCapabilities;
import dev.conversa.channel.AccountEventListener;
import dev.conversa.conversation.StateChangeListener;
import dev.conversa.conversation.internal.Ownership;
import dev.conversa.internal.privacy.PersonConsent;
import dev.conversa.internal.privacy.PrivacyGuards;
import dev.conversa.model.ChannelType;
import dev.conversa.model.OutboundMessage;
import dev.conversa.model.TenantId;
import dev.conversa.observe.ConversaObserver;
import dev.conversa.privacy.OptOutKeywords;
import dev.conversa.privacy.Privacy;
import dev.conversa.respond.Responder;
import dev.conversa.respond.TurnBudget;
import dev.conversa.store.InboxEntry;
import dev.conversa.store.OutboxEntry;
import dev.conversa.store.Stores;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * The assembled pipeline: the built-in {@link Step steps} in order, each preceded by the host
 * middleware inserted before it. {@code Conversa.builder()} builds it; hosts use it directly
 * only to test their middleware against real stores.
 *
 * <pre>{@code
 * Pipeline pipeline = Pipeline.builder()
 *     .stores(InMemoryStores.create())
 *     .responder(request -> Reply.text("Hello!"))
 *     .capabilities(ChannelType.WHATSAPP, whatsApp.capabilities())
 *     .middleware(Step.RESPOND, businessHours)
 *     .build();
 * pipeline.process(entry);
 * }</pre>
 *
 * <p>Immutable and thread-safe: entries of different conversations may be processed at once;
 * the inbox makes sure entries of one conversation are not.
 */
public final class Pipeline {

    private final List<Middleware> middleware;
    private final Stores stores;
    private final SendQueue queue;
    private final Clock clock;

    private Pipeline(Builder builder) {
        this.stores = builder.stores;
        this.clock = builder.clock;
        this.queue = new SendQueue(stores.outbox(), stores.messages(), clock);
        this.middleware = assemble(builder);
    }

    private List<Middleware> assemble(Builder builder) {
        Map<Step, Middleware> steps = new EnumMap<>(Step.class);
        OwnEchoes ownEchoes = new OwnEchoes(builder.appId);
        Ownership ownership = new Ownership(stores, clock, builder.stateListeners);
        steps.put(Step.RECORD, new RecordStep(stores, clock, ownEchoes, ownership, builder.accountListeners));
        steps.put(Step.STATUS, new StatusStep(stores.messages(), stores.outbox()));
        steps.put(Step.OWNERSHIP, new OwnershipStep(stores, ownEchoes, ownership));
        steps.put(Step.CONSENT, new ConsentStep(stores, queue, ownership,
                new ConsentStep.KeywordsByTenant(builder.optOutKeywords, builder.tenantKeywords), clock));
        steps.put(Step.COALESCE, new CoalesceStep(stores, clock, builder.burstQuietWindow, builder.burstMaxWait));
        TurnLimiter turns = new TurnLimiter(builder.turnBudget, stores.conversations());
        steps.put(Step.RESPOND, new RespondStep(stores, queue, builder.responder, builder.capabilities, clock,
                builder.historyLimit, ownership, builder.observer, turns));
        List<Middleware> all = new ArrayList<>();
        if (builder.privacy != null) {
            all.add(new ErasureGuardStep(PrivacyGuards.of(builder.privacy)));
        }
        for (Step step : Step.values()) {
            all.addAll(builder.hostMiddleware.get(step));
            all.add(steps.get(step));
        }
        return List.copyOf(all);
    }

    /**
     * Starts a builder.
     *
     * @return a builder with the defaults: quiet window 1.5 s, maximum wait 10 s, 20 messages
     *     of history for the responder, {@link TurnBudget#create()}
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * How many messages this pipeline has queued for sending since it was built, by any entry on
     * any thread. A runtime compares it before and after a pass (once the pass committed) to
     * wake its outbox sender only when there is something new to send.
     *
     * @return the count, never falling
     */
    public long queued() {
        return queue.queued();
    }

    /**
     * Runs one inbox entry through every middleware (and a reply due at once after it, as
     * {@link #process(InboxEntry, BooleanSupplier)} says). The caller completes, retries or parks
     * the entry according to the outcome.
     *
     * @param entry the claimed entry
     * @return when a step asked to see the entry again (a status that overtook the answer to
     *     its send); empty when the entry is done
     * @throws RuntimeException whatever a middleware threw, unchanged
     */
    public Optional<Instant> process(InboxEntry entry) {
        return process(entry, () -> true);
    }

    /**
     * Runs one inbox entry through every middleware while its claim holds. When the entry is a
     * customer's message whose reply is due at once (a zero quiet window, or the maximum wait
     * passed) and nothing else of its conversation waits in the inbox
     * ({@link dev.conversa.store.Inbox#hasWaiting}), the reply is answered right after, in the
     * same call: every middleware runs again on a reply task ({@link Context#isReplyTask()}) with
     * the message's entry id, instead of a reply task waiting in the inbox for its own claim; a
     * failure of either fails the entry, which is then tried again whole. Before each step, and
     * before a step queues a reply, {@code leaseHeld} is asked, and a lost lease stops the entry
     * with {@link dev.conversa.store.LeaseLostException}, so that the worker that took the entry
     * over is the only one to act on it.
     *
     * @param entry the claimed entry
     * @param leaseHeld tells whether this worker still holds the entry's lease
     * @return when a step asked to see the entry again; empty when the entry is done
     * @throws RuntimeException whatever a middleware threw, unchanged
     */
    public Optional<Instant> process(InboxEntry entry, BooleanSupplier leaseHeld) {
        PipelineContext context = new PipelineContext(entry, stores.conversations(), queue, clock, leaseHeld);
        new Link(middleware, 0, context).proceed();
        if (context.deferredUntil().isEmpty() && context.attribute(CoalesceStep.REPLY_NOW).isPresent()) {
            new Link(middleware, 0, context.replyPass()).proceed();
        }
        return context.deferredUntil();
    }

    /**
     * Queues a message: into the outbox once per idempotency key, and into the history as
     * {@code PENDING} when it is a message rather than a marker. The outbox worker's send gate
     * decides at send time whether it may go (who holds the conversation, the person's consent,
     * the channel's reply window).
     *
     * @param tenant the business
     * @param message the message, written by the bot or an agent
     * @param idempotencyKey unique per logical send within the tenant
     * @return the outbox entry, new or the one queued earlier with that key
     * @throws IllegalArgumentException if the key starts with {@code "consent:"}, which is
     *     reserved for the confirmations of STOP and START
     */
    public OutboxEntry enqueue(TenantId tenant, OutboundMessage message, String idempotencyKey) {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(idempotencyKey, "idempotencyKey");
        if (PersonConsent.isConfirmation(idempotencyKey)) {
            throw new IllegalArgumentException("idempotencyKey: the prefix '" + PersonConsent.CONFIRMATION_KEY_PREFIX
                    + "' is reserved for the confirmations of STOP and START");
        }
        return queue.enqueue(tenant, message, idempotencyKey, false);
    }

    /** Configures a {@link Pipeline}. Not thread-safe; build once and share the pipeline. */
    public static final class Builder {

        private Stores stores;
        private Responder responder;
        private Clock clock = Clock.systemUTC();
        private Duration burstQuietWindow = Duration.ofMillis(1500);
        private Duration burstMaxWait = Duration.ofSeconds(10);
        private int historyLimit = 20;
        private TurnBudget turnBudget = TurnBudget.create();
        private Optional<String> appId = Optional.empty();
        private final Map<ChannelType, ChannelCapabilities> capabilities = new HashMap<>();
        private final Map<Step, List<Middleware>> hostMiddleware = new EnumMap<>(Step.class);
        private final List<StateChangeListener> stateListeners = new ArrayList<>();
        private final List<AccountEventListener> accountListeners = new ArrayList<>();
        private ConversaObserver observer = ConversaObserver.NONE;
        private Privacy privacy;
        private OptOutKeywords optOutKeywords = OptOutKeywords.defaults();
        private final Map<TenantId, OptOutKeywords> tenantKeywords = new HashMap<>();

        private Builder() {
            for (Step step : Step.values()) {
                hostMiddleware.put(step, new ArrayList<>());
            }
        }

        /**
         * Adds a listener told when the pipeline changes who answers a conversation (a handoff by
         * the responder, an echo or handover from the channel).
         *
         * @param listener the listener
         * @return this builder
         */
        public Builder stateListener(StateChangeListener listener) {
            stateListeners.add(Objects.requireNonNull(listener, "listener"));
            return this;
        }

        /**
         * Adds a listener told of account events (a template's status, a quality drop, a ban)
         * after the RECORD step recorded them.
         *
         * @param listener the listener
         * @return this builder
         */
        public Builder accountListener(AccountEventListener listener) {
            accountListeners.add(Objects.requireNonNull(listener, "listener"));
            return this;
        }

        /**
         * Sets the observer told the responder's latency and outcome and the latency from the
         * customer's latest message to the reply queued (default: none).
         *
         * @param conversaObserver the observer
         * @return this builder
         */
        public Builder observer(ConversaObserver conversaObserver) {
            this.observer = Objects.requireNonNull(conversaObserver, "observer");
            return this;
        }

        /**
         * Sets the stores (required).
         *
         * @param stores the stores
         * @return this builder
         */
        public Builder stores(Stores stores) {
            this.stores = Objects.requireNonNull(stores, "stores");
            return this;
        }

        /**
         * Sets what answers the customer (required).
         *
         * @param responder the responder
         * @return this builder
         */
        public Builder responder(Responder responder) {
            this.responder = Objects.requireNonNull(responder, "responder");
            return this;
        }

        /**
         * Sets the clock (default: the system clock in UTC).
         *
         * @param clock the clock
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * Declares what a channel can show; the responder receives it. A reply task of a
         * channel without capabilities fails.
         *
         * @param channel the channel
         * @param channelCapabilities its capabilities
         * @return this builder
         */
        public Builder capabilities(ChannelType channel, ChannelCapabilities channelCapabilities) {
            capabilities.put(Objects.requireNonNull(channel, "channel"),
                    Objects.requireNonNull(channelCapabilities, "channelCapabilities"));
            return this;
        }

        /**
         * Sets how long the customer must pause before the bot answers (default 1.5 s). With
         * zero, a message with nothing waiting behind it is answered in its own pass
         * ({@link #process(InboxEntry, BooleanSupplier)}).
         *
         * @param window the quiet window, zero or positive
         * @return this builder
         */
        public Builder burstQuietWindow(Duration window) {
            this.burstQuietWindow = Objects.requireNonNull(window, "burstQuietWindow");
            return this;
        }

        /**
         * Sets the longest wait after the first unanswered message (default 10 s).
         *
         * @param wait the maximum wait, zero or positive
         * @return this builder
         */
        public Builder burstMaxWait(Duration wait) {
            this.burstMaxWait = Objects.requireNonNull(wait, "burstMaxWait");
            return this;
        }

        /**
         * Sets how many recent messages the responder sees (default 20).
         *
         * @param limit at least 1
         * @return this builder
         */
        public Builder historyLimit(int limit) {
            this.historyLimit = limit;
            return this;
        }

        /**
         * Sets how many responder turns a sender and a tenant may spend per window (default
         * {@link TurnBudget#create()}: 20 per sender and 5,000 per tenant every ten minutes).
         * Counted in memory by this pipeline, for all the workers that share it.
         *
         * @param budget the budget
         * @return this builder
         */
        public Builder turnBudget(TurnBudget budget) {
            this.turnBudget = Objects.requireNonNull(budget, "turnBudget");
            return this;
        }

        /**
         * Sets the Meta app id of this integration (optional), to tell handovers to us from
         * handovers to another app, and the echo of our own message from a person's message.
         *
         * @param appId the app id
         * @return this builder
         */
        public Builder appId(String appId) {
            this.appId = Optional.of(Objects.requireNonNull(appId, "appId"));
            return this;
        }

        /**
         * Inserts host middleware before a built-in step; several before the same step run in
         * the order they were added.
         *
         * @param before the step it runs before
         * @param hostStep the middleware
         * @return this builder
         */
        public Builder middleware(Step before, Middleware hostStep) {
            hostMiddleware.get(Objects.requireNonNull(before, "before")).add(Objects.requireNonNull(hostStep, "hostStep"));
            return this;
        }

        /**
         * Sets the STOP and START keywords of every tenant that has none of its own (default:
         * {@link OptOutKeywords#defaults()}).
         *
         * @param keywords the keywords
         * @return this builder
         */
        public Builder optOutKeywords(OptOutKeywords keywords) {
            this.optOutKeywords = Objects.requireNonNull(keywords, "optOutKeywords");
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
         * Keeps the people this privacy facade erased out: skips their events that happened
         * before their erasure, and erases again what an event in flight during an erasure
         * wrote. {@code Conversa} sets it when it has a privacy pepper.
         *
         * @param facade the privacy facade
         * @return this builder
         */
        public Builder privacy(Privacy facade) {
            this.privacy = Objects.requireNonNull(facade, "privacy");
            return this;
        }

        /**
         * Builds the pipeline.
         *
         * @return the pipeline
         * @throws IllegalStateException naming the setting that is missing or out of range
         */
        public Pipeline build() {
            if (stores == null) {
                throw new IllegalStateException("stores is required: call stores(InMemoryStores.create()) or "
                        + "pass JDBC stores");
            }
            if (responder == null) {
                throw new IllegalStateException("responder is required: call responder(...)");
            }
            requireNotNegative(burstQuietWindow, "burstQuietWindow");
            requireNotNegative(burstMaxWait, "burstMaxWait");
            if (historyLimit < 1) {
                throw new IllegalStateException("historyLimit must be at least 1, was " + historyLimit);
            }
            return new Pipeline(this);
        }

        private static void requireNotNegative(Duration value, String name) {
            if (value.isNegative()) {
                throw new IllegalStateException(name + " must not be negative, was " + value);
            }
        }
    }
}
