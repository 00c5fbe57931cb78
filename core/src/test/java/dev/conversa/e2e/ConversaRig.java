package dev.conversa.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.conversa.Conversa;
import dev.conversa.channel.ChannelAccount;
import dev.conversa.channel.ChannelAdapter;
import dev.conversa.graph.GraphClient;
import dev.conversa.lang.Secret;
import dev.conversa.model.ConversationKey;
import dev.conversa.model.ConversationState;
import dev.conversa.model.DeliveryStatus;
import dev.conversa.model.Direction;
import dev.conversa.model.MessageRecord;
import dev.conversa.model.TenantId;
import dev.conversa.respond.Responder;
import dev.conversa.respond.RulesResponder;
import dev.conversa.store.OutboxEntry;
import dev.conversa.store.OutboxState;
import dev.conversa.store.Stores;
import dev.conversa.store.memory.InMemoryStores;
import dev.conversa.testsupport.RecordingInbox;
import dev.conversa.webhook.WebhookRequest;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;

/**
 * A started {@link Conversa} as a host builds it: in-memory stores, one channel, a
 * {@link RulesResponder} with known answers, a 50 ms burst quiet window and a Graph client on a
 * loopback stand-in, with one registered account. It counts the events the inbox stored and the
 * responder's calls, and can {@link #restart()} on the same stores. Close it after the test.
 */
public final class ConversaRig implements AutoCloseable {

    /** The business every rig serves. */
    public static final TenantId TENANT = TenantId.of("acme");
    /** The app secret webhooks must be signed with. */
    public static final Secret APP_SECRET = Secret.of("e2e-app-secret");
    /** The account's access token, expected as the bearer token of every send. */
    public static final String ACCESS_TOKEN = "e2e-access-token";
    /** What the bot answers to a message with the word "size". */
    public static final String SIZE_ANSWER = "Size M is in stock.";
    /** What the bot answers to a message with the word "open". */
    public static final String HOURS_ANSWER = "We open at nine.";
    /** What the bot tells a customer who asks for an "agent" before it hands the conversation to a person. */
    public static final String HANDOFF_MESSAGE = "A colleague will answer you here.";
    /** How long the tests wait for the workers. */
    public static final Duration PATIENCE = Duration.ofSeconds(10);

    private final Conversa.Builder builder;
    private final ChannelAccount account;
    private final Stores stores;
    private final RecordingInbox inbox;
    private final AtomicInteger responderCalls;
    private volatile Conversa conversa;

    private ConversaRig(Conversa.Builder builder, ChannelAccount account, Stores stores, RecordingInbox inbox,
            AtomicInteger responderCalls) {
        this.builder = builder;
        this.account = account;
        this.stores = stores;
        this.inbox = inbox;
        this.responderCalls = responderCalls;
        this.conversa = startConversa();
    }

    /**
     * Builds, registers the account and starts.
     *
     * @param channel the channel under test
     * @param accountId the business account id on that channel
     * @param graphBaseUrl the stand-in's base URL on 127.0.0.1
     * @return the started rig
     */
    public static ConversaRig start(ChannelAdapter channel, String accountId, URI graphBaseUrl) {
        return start(channel, ChannelAccount.of(TENANT, channel.type(), accountId, Secret.of(ACCESS_TOKEN)),
                graphBaseUrl, UnaryOperator.identity());
    }

    /**
     * Builds with extra settings, registers the account and starts.
     *
     * @param channel the channel under test
     * @param account the account to register, of {@link #TENANT} with {@link #ACCESS_TOKEN}
     * @param graphBaseUrl the stand-in's base URL on 127.0.0.1
     * @param configure changes the builder before it builds, such as {@code appId(...)}
     * @return the started rig
     */
    public static ConversaRig start(ChannelAdapter channel, ChannelAccount account, URI graphBaseUrl,
            UnaryOperator<Conversa.Builder> configure) {
        Stores memory = InMemoryStores.create();
        RecordingInbox inbox = new RecordingInbox(memory.inbox());
        Stores stores = memory.toBuilder().inbox(inbox).build();
        AtomicInteger responderCalls = new AtomicInteger();
        Responder rules = RulesResponder.builder().answer(SIZE_ANSWER, "size").answer(HOURS_ANSWER, "open")
                .handoffKeywords("agent").handoffMessage(HANDOFF_MESSAGE).build();
        Conversa.Builder builder = Conversa.builder()
                .appSecret(APP_SECRET)
                .verifyToken(Secret.of("e2e-verify-token"))
                .stores(stores)
                .channel(channel)
                .responder(request -> {
                    responderCalls.incrementAndGet();
                    return rules.respond(request);
                })
                .burstQuietWindow(Duration.ofMillis(50))
                .pollInterval(Duration.ofMillis(20))
                .graphClient(GraphClient.builder().baseUrl(graphBaseUrl).allowInsecureLoopbackForTests(true).build());
        return new ConversaRig(configure.apply(builder), account, stores, inbox, responderCalls);
    }

    private Conversa startConversa() {
        Conversa started = builder.build();
        started.registerAccount(account);
        started.start();
        return started;
    }

    /**
     * Stops this instance and starts a new one from the same settings on the same stores, as a
     * deploy does: what the instance kept in memory is gone, what the stores hold stays.
     */
    public void restart() {
        conversa.close();
        conversa = startConversa();
    }

    /**
     * The facade under test.
     *
     * @return the facade
     */
    public Conversa conversa() {
        return conversa;
    }

    /**
     * Posts a signed webhook and expects Meta's 200.
     *
     * @param request the signed webhook
     */
    public void deliver(WebhookRequest request) {
        assertThat(conversa.webhooks().handle(request).status()).isEqualTo(200);
    }

    /**
     * The conversation's stored messages, oldest first.
     *
     * @param key the conversation
     * @return the history
     */
    public List<MessageRecord> history(ConversationKey key) {
        return conversa.conversations().messages(TENANT, key, 50);
    }

    /**
     * Waits until the bot's message with this text is recorded as {@code SENT}.
     *
     * @param key the conversation
     * @param text the text of the bot's message
     * @return the sent message's record
     */
    public MessageRecord awaitSent(ConversationKey key, String text) {
        return await().atMost(PATIENCE).until(() -> outbound(key, text)
                .filter(message -> message.status() == DeliveryStatus.SENT), Optional::isPresent).get();
    }

    /**
     * Waits until the bot's message with this text has a status, such as
     * {@code SEND_UNCERTAIN} or {@code FAILED}.
     *
     * @param key the conversation
     * @param text the text of the bot's message
     * @param status the status to wait for
     * @return the message's record
     */
    public MessageRecord awaitOutbound(ConversationKey key, String text, DeliveryStatus status) {
        return await().atMost(PATIENCE).until(() -> outbound(key, text)
                .filter(message -> message.status() == status), Optional::isPresent).get();
    }

    /**
     * How many inbox entries (events and reply tasks) are not done yet.
     *
     * @return the count
     */
    public long inboxPending() {
        return stores.inbox().pendingCount();
    }

    /**
     * The tenant's outbox entries in a state, oldest first.
     *
     * @param state the state
     * @return the entries
     */
    public List<OutboxEntry> outbox(OutboxState state) {
        return stores.outbox().list(TENANT, state, 10_000);
    }

    /**
     * Waits until the conversation is in a state.
     *
     * @param key the conversation
     * @param state the expected state
     */
    public void awaitState(ConversationKey key, ConversationState state) {
        await().atMost(PATIENCE).until(() -> conversa.conversations().find(TENANT, key)
                .map(conversation -> conversation.state() == state).orElse(false));
    }

    /**
     * Waits until no work is left: every inbox entry (events and reply tasks) is done and no send
     * waits in the outbox. From then on nothing more is sent until a new webhook arrives.
     */
    public void awaitIdle() {
        await().atMost(PATIENCE).until(() -> stores.inbox().pendingCount() == 0
                && stores.outbox().list(TENANT, OutboxState.PENDING, 1).isEmpty()
                && stores.outbox().list(TENANT, OutboxState.SENDING, 1).isEmpty());
    }

    /**
     * The external ids of the events the inbox stored, one per inbox entry they created, in
     * order; a redelivery the intake or the inbox recognized adds none.
     *
     * @return the ids
     */
    public List<String> storedEventIds() {
        return inbox.storedEventIds();
    }

    /**
     * How many inbox claims took work, each one transaction ({@link RecordingInbox#claimsWithWork}).
     *
     * @return the count
     */
    public int inboxClaimsWithWork() {
        return inbox.claimsWithWork();
    }

    /**
     * How many times the inbox was asked to append events, each one transaction.
     *
     * @return the count
     */
    public int inboxAppends() {
        return inbox.appendCalls();
    }

    /**
     * How many times the rig's responder was asked for a reply, by every instance so far.
     *
     * @return the count
     */
    public int responderCalls() {
        return responderCalls.get();
    }

    /**
     * The stores the rig's instances share, to check what was recorded beyond the history.
     *
     * @return the stores
     */
    public Stores stores() {
        return stores;
    }

    /**
     * The conversation's state now.
     *
     * @param key the conversation
     * @return its state
     */
    public ConversationState state(ConversationKey key) {
        return conversa.conversations().find(TENANT, key).orElseThrow().state();
    }

    private Optional<MessageRecord> outbound(ConversationKey key, String text) {
        return history(key).stream()
                .filter(message -> message.direction() == Direction.OUTBOUND)
                .filter(message -> message.text().equals(Optional.of(text)))
                .findFirst();
    }

    @Override
    public void close() {
        conversa.close();
    }
}
