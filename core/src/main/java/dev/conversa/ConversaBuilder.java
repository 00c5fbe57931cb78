package dev.conversa;

import dev.conversa.conversation.StateChangeListener;
import dev.conversa.channel.ChannelAdapter;
import dev.conversa.graph.GraphClient;
import dev.conversa.model.ChannelType;
import dev.conversa.pipeline.Middleware;
import dev.conversa.pipeline.Step;
import dev.conversa.respond.Responder;
import dev.conversa.respond.RulesResponder;
import dev.conversa.store.Stores;
import dev.conversa.store.memory.InMemoryStores;
import dev.conversa.internal.privacy.KeyedHash;
import dev.conversa.privacy.ErasureListener;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Configures a {@link Conversa}. Only the app secret, the verify token and one channel are
 * required; everything else has a default. {@link #build()} validates and names the setting
 * that is wrong. Not thread-safe; build once at start-up.
 */
public final class ConversaBuilder {

    /** The default quiet window of burst coalescing: 1.5 seconds. */
    public static final Duration DEFAULT_QUIET_WINDOW = Duration.ofMillis(1500);
    /** The default longest wait of burst coalescing: 10 seconds. */
    public static final Duration DEFAULT_MAX_WAIT = Duration.ofSeconds(10);
    /** The default lease on inbox and outbox work: 15 seconds, renewed every 5 while the work runs. */
    public static final Duration DEFAULT_LEASE = Duration.ofSeconds(15);
    /** The default fallback of the default rules responder. */
    public static final String DEFAULT_FALLBACK = "Thanks for your message! We will get back to you soon.";

    final List<Secret> appSecrets = new ArrayList<>();
    final Map<ChannelType, ChannelAdapter> channels = new LinkedHashMap<>();
    final List<Map.Entry<Step, Middleware>> middleware = new ArrayList<>();
    final List<StateChangeListener> stateListeners = new ArrayList<>();
    Secret verifyToken;
    Stores stores;
    Responder responder;
    GraphClient graphClient;
    Clock clock = Clock.systemUTC();
    Duration quietWindow = DEFAULT_QUIET_WINDOW;
    Duration maxWait = DEFAULT_MAX_WAIT;
    int concurrency = 16;
    Duration pollInterval = Duration.ofMillis(150);
    Duration lease = DEFAULT_LEASE;
    int maxAttempts = 5;
    Duration retryBackoff = Duration.ofSeconds(1);
    Optional<String> metaAppId = Optional.empty();
    Secret privacyPepper;
    final List<ErasureListener> erasureListeners = new ArrayList<>();

    ConversaBuilder() {
    }

    /**
     * Adds a Meta app secret that signs webhooks (required; call again to accept a second one
     * during a rotation).
     *
     * @param appSecret the secret
     * @return this builder
     */
    public ConversaBuilder appSecret(Secret appSecret) {
        appSecrets.add(Objects.requireNonNull(appSecret, "appSecret"));
        return this;
    }

    /**
     * Sets the verify token of the webhook subscription handshake (required).
     *
     * @param token the token chosen when subscribing the webhook
     * @return this builder
     */
    public ConversaBuilder verifyToken(Secret token) {
        this.verifyToken = Objects.requireNonNull(token, "verifyToken");
        return this;
    }

    /**
     * Adds a channel (at least one is required).
     *
     * @param adapter the channel, such as {@code WhatsAppChannel.create()}
     * @return this builder
     * @throws IllegalArgumentException if a channel of the same type was added
     */
    public ConversaBuilder channel(ChannelAdapter adapter) {
        Objects.requireNonNull(adapter, "channel");
        if (channels.putIfAbsent(adapter.type(), adapter) != null) {
            throw new IllegalArgumentException("channel: a " + adapter.type() + " channel was already added");
        }
        return this;
    }

    /**
     * Sets the stores (default: in memory, which loses everything when the process stops;
     * {@link Conversa#start()} then logs a warning).
     *
     * @param allStores the stores, such as {@code JdbcStores}
     * @return this builder
     */
    public ConversaBuilder stores(Stores allStores) {
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
    public ConversaBuilder responder(Responder bot) {
        this.responder = Objects.requireNonNull(bot, "responder");
        return this;
    }

    /**
     * Sets the Graph API client (default: {@code GraphClient.builder().build()}).
     *
     * @param client the client
     * @return this builder
     */
    public ConversaBuilder graphClient(GraphClient client) {
        this.graphClient = Objects.requireNonNull(client, "graphClient");
        return this;
    }

    /**
     * Sets the clock (default: the system clock in UTC).
     *
     * @param time the clock
     * @return this builder
     */
    public ConversaBuilder clock(Clock time) {
        this.clock = Objects.requireNonNull(time, "clock");
        return this;
    }

    /**
     * Sets how long a customer must pause before the bot answers (default 1.5 s).
     *
     * @param window zero or positive
     * @return this builder
     */
    public ConversaBuilder burstQuietWindow(Duration window) {
        this.quietWindow = Objects.requireNonNull(window, "burstQuietWindow");
        return this;
    }

    /**
     * Sets the longest wait after the first unanswered message (default 10 s).
     *
     * @param wait zero or positive
     * @return this builder
     */
    public ConversaBuilder burstMaxWait(Duration wait) {
        this.maxWait = Objects.requireNonNull(wait, "burstMaxWait");
        return this;
    }

    /**
     * Sets how many inbox entries, and separately how many outbox sends, run at once
     * (default 16). Events beyond it wait in the inbox.
     *
     * @param workers at least 1
     * @return this builder
     */
    public ConversaBuilder concurrency(int workers) {
        this.concurrency = workers;
        return this;
    }

    /**
     * Sets how often the workers look for work that became due, such as a reply after the
     * quiet window or a retry (default 150 ms). New webhooks wake them at once.
     *
     * @param interval positive
     * @return this builder
     */
    public ConversaBuilder pollInterval(Duration interval) {
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
    public ConversaBuilder lease(Duration duration) {
        this.lease = Objects.requireNonNull(duration, "lease");
        return this;
    }

    /**
     * Sets how many times an inbox entry or a retryable send is tried before it is parked or
     * marked dead (default 5).
     *
     * @param attempts at least 1
     * @return this builder
     */
    public ConversaBuilder maxAttempts(int attempts) {
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
    public ConversaBuilder retryBackoff(Duration backoff) {
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
    public ConversaBuilder metaAppId(String appId) {
        this.metaAppId = Optional.of(Objects.requireNonNull(appId, "metaAppId"));
        return this;
    }

    /**
     * Inserts host middleware before a built-in step.
     *
     * @param before the step it runs before
     * @param hostStep the middleware
     * @return this builder
     */
    public ConversaBuilder middleware(Step before, Middleware hostStep) {
        middleware.add(Map.entry(Objects.requireNonNull(before, "step"), Objects.requireNonNull(hostStep, "middleware")));
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
    public ConversaBuilder stateListener(StateChangeListener listener) {
        stateListeners.add(Objects.requireNonNull(listener, "listener"));
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
    public ConversaBuilder privacyPepper(Secret pepper) {
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
    public ConversaBuilder erasureListener(ErasureListener listener) {
        erasureListeners.add(Objects.requireNonNull(listener, "erasureListener"));
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
        requireNotNegative(quietWindow, "burstQuietWindow");
        requireNotNegative(maxWait, "burstMaxWait");
        requirePositive(pollInterval, "pollInterval");
        requirePositive(retryBackoff, "retryBackoff");
        if (privacyPepper != null && privacyPepper.reveal().length() < KeyedHash.MIN_PEPPER_LENGTH) {
            throw new IllegalStateException("privacyPepper must be at least " + KeyedHash.MIN_PEPPER_LENGTH
                    + " characters");
        }
        if (lease.compareTo(Duration.ofSeconds(1)) < 0) {
            throw new IllegalStateException("lease must be at least one second, got " + lease);
        }
        return new Conversa(this);
    }

    Stores storesOrDefault() {
        return stores != null ? stores : InMemoryStores.create();
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
