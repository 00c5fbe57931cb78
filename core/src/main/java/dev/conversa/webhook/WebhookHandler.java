package dev.conversa.webhook;

import dev.conversa.channel.ChannelAdapter;
import dev.conversa.channel.WebhookPayload;
import dev.conversa.internal.json.MalformedJsonException;
import dev.conversa.internal.json.WebhookJson;
import dev.conversa.internal.privacy.PrivacyGuards;
import dev.conversa.internal.store.TenantCache;
import dev.conversa.lang.Secret;
import dev.conversa.observe.ConversaObserver;
import dev.conversa.privacy.Privacy;
import dev.conversa.store.AccountStore;
import dev.conversa.store.DeadLetterStore;
import dev.conversa.store.Inbox;
import dev.conversa.store.InboxEntry;
import dev.conversa.store.memory.InMemoryStores;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The webhook endpoint, independent of any web framework: it answers every call to the webhook
 * URL and never throws for bad input.
 *
 * <ul>
 *   <li>{@code GET}: Meta's subscription handshake. 200 with {@code hub.challenge} echoed as
 *       plain text when {@code hub.mode=subscribe} and {@code hub.verify_token} matches
 *       (constant time); 403 for a wrong mode or token; 400 when a parameter is missing. No
 *       signature is involved.
 *   <li>{@code POST}, in this order: 413 if the body (or its {@code Content-Length}) is over the
 *       limit; 401 unless {@code X-Hub-Signature-256} is {@code sha256=} and the HMAC-SHA256 of
 *       the raw bytes under one of the app secrets (missing header, SHA-1 only, bad format, empty
 *       body and mismatch each give their own reason in the body); 400 for malformed JSON or
 *       JSON over the parser's limits; then the body is routed by its {@code "object"} to the
 *       channel adapter (an object no adapter handles is acknowledged with 200 and logged
 *       once; a body its channel cannot read is kept as a dead letter, acknowledged with 200
 *       and logged once), events of unregistered accounts and events older than the replay window are
 *       left out (logged, still 200), and the rest are appended to the inbox per tenant.
 *       200 {@code EVENT_RECEIVED} only after the inbox stored them; 500 if it failed, so Meta
 *       delivers again. A body delivered again byte for byte, once every event of it is stored
 *       (or left out for good: stale, or of an erased person), is answered 200 as soon as its
 *       signature is verified, without being read again; a body with an event of an
 *       unregistered account is read each time, so that it is stored once the account is.
 *   <li>any other method: 405.
 * </ul>
 *
 * <p>Nothing is parsed or stored before the signature is verified. Logs never hold the body,
 * tokens, secrets, phone numbers or message text.
 *
 * <p>Immutable and thread-safe: one handler serves every request.
 *
 * <pre>{@code
 * WebhookHandler webhooks = WebhookHandler.builder()
 *     .appSecret(Secret.of(System.getenv("META_APP_SECRET")))
 *     .verifyToken(Secret.of(System.getenv("META_VERIFY_TOKEN")))
 *     .channel(WhatsAppChannel.create())
 *     .accounts(stores.accounts())
 *     .inbox(stores.inbox())
 *     .onAppended(entries -> dispatcher.wakeUp())
 *     .build();
 * WebhookResponse response = webhooks.handle(request);
 * }</pre>
 */
public final class WebhookHandler {

    private static final Logger LOG = LoggerFactory.getLogger(WebhookHandler.class);

    private final int maxBodyBytes;
    private final SubscriptionHandshake handshake;
    private final SignatureVerifier verifier;
    private final WebhookJson json;
    private final EventIntake intake;
    private final ConversaObserver observer;
    private final Builder configuration;

    private WebhookHandler(Builder builder, Map<String, ChannelAdapter> adapters, DeadLetterStore deadLetters) {
        this.configuration = new Builder(builder);
        this.maxBodyBytes = builder.maxBodyBytes;
        this.handshake = new SubscriptionHandshake(builder.verifyToken);
        this.verifier = new SignatureVerifier(builder.appSecrets);
        this.json = WebhookJson.create(builder.maxBodyBytes);
        this.observer = builder.observer;
        this.intake = new EventIntake(adapters, TenantCache.over(builder.accounts), builder.inbox, deadLetters,
                builder.clock, builder.replayWindow, builder.onAppended,
                builder.privacy == null ? null : PrivacyGuards.of(builder.privacy));
    }

    /**
     * Starts a handler.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A builder holding this handler's settings, to build one that differs in some of them;
     * this handler is left as it is.
     *
     * @return a new builder with this handler's settings
     */
    public Builder toBuilder() {
        return new Builder(configuration);
    }

    /**
     * The body limit, so that a web-framework adapter reads at most one byte more than this and
     * never holds an oversized body in memory.
     *
     * @return the limit in bytes
     */
    public int maxBodyBytes() {
        return maxBodyBytes;
    }

    /**
     * Answers one call to the webhook URL; see the class description for every status.
     *
     * @param request the call, as received
     * @return the response to send back; never null
     * @throws NullPointerException if the request is null
     */
    public WebhookResponse handle(WebhookRequest request) {
        Objects.requireNonNull(request, "request");
        if (observer == ConversaObserver.NONE) {
            return answer(request);
        }
        long started = System.nanoTime();
        WebhookResponse response = answer(request);
        try {
            observer.webhookAnswered(response.status(), Duration.ofNanos(System.nanoTime() - started));
        } catch (RuntimeException e) {
            LOG.debug("An observer failed; ignored", e);
        }
        return response;
    }

    private WebhookResponse answer(WebhookRequest request) {
        try {
            switch (request.method()) {
                case "GET":
                    return handshake.answer(request);
                case "POST":
                    return receive(request);
                default:
                    return WebhookResponse.text(405, "method not allowed: use GET or POST");
            }
        } catch (RuntimeException e) {
            LOG.error("Webhook intake failed with {}; answering 500 so Meta delivers again", e.getClass().getName());
            LOG.debug("Webhook intake failed", e);
            return WebhookResponse.text(500, "internal error; deliver again");
        }
    }

    private WebhookResponse receive(WebhookRequest request) {
        if (declaredLength(request) > maxBodyBytes || request.rawBody().length > maxBodyBytes) {
            LOG.warn("Webhook POST refused with 413: body over {} bytes", maxBodyBytes);
            return WebhookResponse.text(413, "body over " + maxBodyBytes + " bytes");
        }
        SignatureVerifier.Verification verification = verifier.check(request);
        SignatureCheck check = verification.check();
        if (check != SignatureCheck.VALID) {
            LOG.warn("Webhook POST refused with 401: {}", check.reason());
            return WebhookResponse.text(401, check.reason());
        }
        BodyKey body = verification.body();
        if (intake.knows(body)) {
            return EventIntake.ACKNOWLEDGED;
        }
        WebhookPayload payload;
        try {
            payload = json.parse(request.rawBody());
        } catch (MalformedJsonException e) {
            LOG.warn("Webhook POST refused with 400: {}", e.getMessage());
            return WebhookResponse.text(400, e.getMessage());
        }
        return intake.accept(payload, body);
    }

    /** The Content-Length header's value; -1 when absent or not a number (the actual length decides). */
    private static long declaredLength(WebhookRequest request) {
        Optional<String> header = request.header("content-length");
        if (header.isEmpty()) {
            return -1;
        }
        try {
            return Long.parseLong(header.get().trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /**
     * Configures a {@link WebhookHandler}. At least one app secret, the verify token, the
     * account store and the inbox are required; there is no way to turn verification off.
     * Not thread-safe; build once at start-up.
     */
    public static final class Builder {

        /** The default body limit: 1 MiB. */
        public static final int DEFAULT_MAX_BODY_BYTES = 1024 * 1024;
        /** The default replay window: 7 days, as long as Meta keeps delivering again. */
        public static final Duration DEFAULT_REPLAY_WINDOW = Duration.ofDays(7);

        private final List<Secret> appSecrets = new ArrayList<>();
        private final List<ChannelAdapter> adapters = new ArrayList<>();
        private Secret verifyToken;
        private AccountStore accounts;
        private Inbox inbox;
        private DeadLetterStore deadLetters;
        private Clock clock = Clock.systemUTC();
        private int maxBodyBytes = DEFAULT_MAX_BODY_BYTES;
        private Duration replayWindow = DEFAULT_REPLAY_WINDOW;
        private Consumer<List<InboxEntry>> onAppended = entries -> { };
        private ConversaObserver observer = ConversaObserver.NONE;

        private Privacy privacy;

        private Builder() {
        }

        private Builder(Builder other) {
            appSecrets.addAll(other.appSecrets);
            adapters.addAll(other.adapters);
            verifyToken = other.verifyToken;
            accounts = other.accounts;
            inbox = other.inbox;
            deadLetters = other.deadLetters;
            clock = other.clock;
            maxBodyBytes = other.maxBodyBytes;
            replayWindow = other.replayWindow;
            onAppended = other.onAppended;
            observer = other.observer;
            privacy = other.privacy;
        }

        /**
         * Adds an app secret (App Dashboard, Settings, Basic) that signs webhook bodies. Call it
         * again to add another: during a rotation the old and the new secret are both accepted.
         *
         * @param appSecret the secret
         * @return this builder
         */
        public Builder appSecret(Secret appSecret) {
            appSecrets.add(Objects.requireNonNull(appSecret, "appSecret"));
            return this;
        }

        /**
         * Sets the verify token the subscription handshake must present.
         *
         * @param verifyToken the token chosen when subscribing the webhook
         * @return this builder
         */
        public Builder verifyToken(Secret verifyToken) {
            this.verifyToken = Objects.requireNonNull(verifyToken, "verifyToken");
            return this;
        }

        /**
         * Adds a channel; webhooks are routed to it by its {@link ChannelAdapter#webhookObject()}.
         *
         * @param adapter the channel; {@link #build()} refuses two channels of the same object
         * @return this builder
         */
        public Builder channel(ChannelAdapter adapter) {
            adapters.add(Objects.requireNonNull(adapter, "channel"));
            return this;
        }

        /**
         * Adds several channels, as {@link #channel} does.
         *
         * @param channels the channels
         * @return this builder
         */
        public Builder channels(Collection<? extends ChannelAdapter> channels) {
            channels.forEach(this::channel);
            return this;
        }

        /**
         * Sets the account registry that maps each event's account to its tenant.
         *
         * @param accounts the store
         * @return this builder
         */
        public Builder accounts(AccountStore accounts) {
            this.accounts = Objects.requireNonNull(accounts, "accounts");
            return this;
        }

        /**
         * Sets the inbox that stores events before the webhook is acknowledged.
         *
         * @param inbox the inbox
         * @return this builder
         */
        public Builder inbox(Inbox inbox) {
            this.inbox = Objects.requireNonNull(inbox, "inbox");
            return this;
        }

        /**
         * Sets where verified bodies that their channel cannot read are kept (default: in memory,
         * lost at restart); they are acknowledged with 200 once kept.
         *
         * @param store the dead letter store, such as {@code stores.deadLetters()}
         * @return this builder
         */
        public Builder deadLetters(DeadLetterStore store) {
            this.deadLetters = Objects.requireNonNull(store, "deadLetters");
            return this;
        }

        /**
         * Sets the clock for arrival times and the replay window; defaults to the UTC system clock.
         *
         * @param clock the clock
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * Sets the largest body accepted; larger ones get 413. Defaults to 1 MiB.
         *
         * @param maxBodyBytes the limit in bytes, positive
         * @return this builder
         */
        public Builder maxBodyBytes(int maxBodyBytes) {
            this.maxBodyBytes = maxBodyBytes;
            return this;
        }

        /**
         * Sets how old an event may be and still be stored. Meta signs no timestamp, so a captured
         * request stays valid for ever; events older than this are left out. Defaults to 7 days.
         *
         * @param replayWindow the window, positive
         * @return this builder
         */
        public Builder replayWindow(Duration replayWindow) {
            this.replayWindow = Objects.requireNonNull(replayWindow, "replayWindow");
            return this;
        }

        /**
         * Sets a listener called on the webhook thread with the entries each append created, so a
         * dispatcher can wake up. It must be quick and should not throw; if it throws, the failure
         * is logged and the request is still acknowledged, as the entries are stored.
         *
         * @param onAppended the listener
         * @return this builder
         */
        public Builder onAppended(Consumer<List<InboxEntry>> onAppended) {
            this.onAppended = Objects.requireNonNull(onAppended, "onAppended");
            return this;
        }

        /**
         * Sets the observer told each call's status and how long it took to answer
         * ({@link ConversaObserver#webhookAnswered}), for metrics; {@code Conversa} sets its own
         * observer. Defaults to {@link ConversaObserver#NONE}, which costs nothing.
         *
         * @param conversaObserver the observer; an exception it throws is logged at DEBUG and ignored
         * @return this builder
         */
        public Builder observer(ConversaObserver conversaObserver) {
            this.observer = Objects.requireNonNull(conversaObserver, "observer");
            return this;
        }

        /**
         * Keeps the people this privacy facade erased out: drops their events that happened
         * before their erasure (a redelivered old webhook), and forgets the bodies it remembers as
         * stored on every erasure. {@code Conversa} sets it when it has a privacy pepper; a host
         * that builds its own handler passes the same facade it erases with.
         *
         * @param facade the privacy facade
         * @return this builder
         */
        public Builder privacy(Privacy facade) {
            this.privacy = Objects.requireNonNull(facade, "privacy");
            return this;
        }

        /**
         * Builds the handler.
         *
         * @return the handler
         * @throws IllegalStateException naming the missing or invalid setting: {@code appSecret},
         *     {@code verifyToken}, {@code accounts} or {@code inbox} missing, {@code maxBodyBytes} or
         *     {@code replayWindow} not positive, two channels for one webhook object
         */
        public WebhookHandler build() {
            if (appSecrets.isEmpty()) {
                throw new IllegalStateException("appSecret is required: set the Meta app secret that signs webhooks"
                        + " with appSecret(Secret.of(...)); verification cannot be turned off");
            }
            require(verifyToken, "verifyToken is required: set the token chosen when subscribing the webhook");
            require(accounts, "accounts is required: set the AccountStore that maps accounts to tenants");
            require(inbox, "inbox is required: set the Inbox that stores events before they are acknowledged");
            if (maxBodyBytes <= 0) {
                throw new IllegalStateException("maxBodyBytes must be positive, got " + maxBodyBytes);
            }
            if (replayWindow.isNegative() || replayWindow.isZero()) {
                throw new IllegalStateException("replayWindow must be positive, got " + replayWindow);
            }
            Map<String, ChannelAdapter> byObject = new LinkedHashMap<>();
            for (ChannelAdapter adapter : adapters) {
                String object = Objects.requireNonNull(adapter.webhookObject(), "webhookObject");
                if (byObject.putIfAbsent(object, adapter) != null) {
                    throw new IllegalStateException("channel: two channels handle webhook object '" + object
                            + "'; register one adapter per object");
                }
            }
            return new WebhookHandler(this, byObject,
                    deadLetters != null ? deadLetters : InMemoryStores.create().deadLetters());
        }

        private static void require(Object setting, String message) {
            if (setting == null) {
                throw new IllegalStateException(message);
            }
        }
    }
}
