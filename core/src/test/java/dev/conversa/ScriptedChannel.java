package dev.conversa;

import dev.conversa.channel.ChannelAccount;
import dev.conversa.channel.ChannelAdapter;
import dev.conversa.channel.ChannelCapabilities;
import dev.conversa.channel.SendRequest;
import dev.conversa.channel.SendResult;
import dev.conversa.channel.WebhookPayload;
import dev.conversa.graph.GraphClient;
import dev.conversa.graph.GraphRequest;
import dev.conversa.model.ChannelType;
import dev.conversa.model.InboundEvent;
import dev.conversa.model.OutboundContent;
import dev.conversa.testsupport.EchoTestChannel;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A test double of the channel SPI: reads webhooks like {@link EchoTestChannel}, records every
 * send attempt, makes one POST through the Graph client it is given (as a real adapter does, so
 * the outbox marks the entry sending), answers {@code "out-1"}, {@code "out-2"}, ... and can be
 * told to fail the next sends with given exceptions, after the request by default or before it.
 * Records the accounts it is asked to unsubscribe, and can be told to fail unsubscribing.
 * Thread-safe.
 */
final class ScriptedChannel implements ChannelAdapter {

    private final EchoTestChannel reader = new EchoTestChannel();
    private final List<SendRequest> attempts = new CopyOnWriteArrayList<>();
    private final List<SendRequest> delivered = new CopyOnWriteArrayList<>();
    private final Queue<RuntimeException> failures = new ConcurrentLinkedQueue<>();
    private final Queue<RuntimeException> failuresBeforeRequest = new ConcurrentLinkedQueue<>();
    private final Queue<Runnable> beforeRequest = new ConcurrentLinkedQueue<>();
    private final Queue<Runnable> afterRequest = new ConcurrentLinkedQueue<>();
    private final AtomicInteger ids = new AtomicInteger();
    /** What the ids it answers start with. */
    private final String idPrefix;
    /** The account setting naming a webhook subscription several accounts share. */
    static final String SUBSCRIPTION = "test.subscription";

    private final List<ChannelAccount> unsubscribed = new CopyOnWriteArrayList<>();
    private final ChannelCapabilities capabilities;

    /** A channel with templates, a 24-hour reply window and a 7-day human agent window. */
    ScriptedChannel() {
        this("out-");
    }

    /**
     * Such a channel answering ids that start with {@code idPrefix}: a second bed on the stores
     * of a first needs other ids, as Meta never gives an id twice.
     */
    ScriptedChannel(String idPrefix) {
        this(ChannelCapabilities.builder()
                .maxTextLength(4096)
                .maxButtons(3)
                .maxButtonTitleLength(20)
                .maxListRows(10)
                .maxQuickReplies(13)
                .templates(true)
                .reactions(true)
                .typingIndicator(true)
                .readReceipts(true)
                .replyWindow(Duration.ofHours(24))
                .humanAgentWindow(Duration.ofDays(7))
                .build(), idPrefix);
    }

    /** A channel declaring these capabilities, such as WhatsApp's or Messenger's windows. */
    ScriptedChannel(ChannelCapabilities capabilities) {
        this(capabilities, "out-");
    }

    private ScriptedChannel(ChannelCapabilities capabilities, String idPrefix) {
        this.capabilities = capabilities;
        this.idPrefix = idPrefix;
    }
    private final Queue<RuntimeException> unsubscribeFailures = new ConcurrentLinkedQueue<>();

    /** The accounts unsubscribed, in order. */
    List<ChannelAccount> unsubscribed() {
        return List.copyOf(unsubscribed);
    }

    /** Fails the next unsubscription with this exception, after recording it. */
    void failNextUnsubscribe(RuntimeException failure) {
        unsubscribeFailures.add(failure);
    }

    /** The account's setting {@value #SUBSCRIPTION}, as a channel whose accounts share a subscription. */
    @Override
    public Optional<String> subscription(ChannelAccount account) {
        return Optional.ofNullable(account.settings().get(SUBSCRIPTION));
    }

    @Override
    public void unsubscribe(ChannelAccount account, GraphClient graph) {
        unsubscribed.add(account);
        RuntimeException failure = unsubscribeFailures.poll();
        if (failure != null) {
            throw failure;
        }
    }

    /** Fails the next send with this exception, thrown after its request was made. */
    void failNextSend(RuntimeException failure) {
        failures.add(failure);
    }

    /** Runs actions in the next send: one right before its request, one right after it. */
    void onNextSend(Runnable before, Runnable after) {
        beforeRequest.add(before);
        afterRequest.add(after);
    }

    /** Runs the action inside the next send, after its request, before the send answers. */
    void duringNextSend(Runnable action) {
        onNextSend(() -> { }, action);
    }

    /** Fails the next send with this exception, thrown before any request. */
    void failNextSendBeforeRequest(RuntimeException failure) {
        failuresBeforeRequest.add(failure);
    }

    List<SendRequest> attempts() {
        return List.copyOf(attempts);
    }

    /** The contents successfully sent, of one type, in order. */
    <T extends OutboundContent> List<T> sent(Class<T> type) {
        return delivered.stream().map(r -> r.message().content()).filter(type::isInstance).map(type::cast).toList();
    }

    @Override
    public ChannelType type() {
        return EchoTestChannel.TYPE;
    }

    @Override
    public String webhookObject() {
        return EchoTestChannel.OBJECT;
    }

    @Override
    public List<InboundEvent> normalize(WebhookPayload payload) {
        return reader.normalize(payload);
    }

    @Override
    public SendResult send(SendRequest request, GraphClient graph) {
        attempts.add(request);
        RuntimeException early = failuresBeforeRequest.poll();
        if (early != null) {
            throw early;
        }
        Optional.ofNullable(beforeRequest.poll()).ifPresent(Runnable::run);
        graph.execute(GraphRequest.postJson("/" + request.account().accountId() + "/messages", "{}"),
                request.account().accessToken());
        Optional.ofNullable(afterRequest.poll()).ifPresent(Runnable::run);
        RuntimeException failure = failures.poll();
        if (failure != null) {
            throw failure;
        }
        delivered.add(request);
        return request.message().content().isMessage()
                ? SendResult.sent(idPrefix + ids.incrementAndGet())
                : SendResult.marker();
    }

    @Override
    public ChannelCapabilities capabilities() {
        return capabilities;
    }
}
