package dev.conversa.pipeline;

import dev.conversa.channel.ChannelCapabilities;
import dev.conversa.conversation.internal.Ownership;
import dev.conversa.lang.ConversaException;
import dev.conversa.model.ChannelType;
import dev.conversa.model.Conversation;
import dev.conversa.model.Direction;
import dev.conversa.model.MarkRead;
import dev.conversa.model.MessageRecord;
import dev.conversa.model.OutboundContent;
import dev.conversa.model.OutboundMessage;
import dev.conversa.model.Text;
import dev.conversa.model.Typing;
import dev.conversa.observe.ConversaObserver;
import dev.conversa.respond.Reply;
import dev.conversa.respond.Responder;
import dev.conversa.respond.ResponderRequest;
import dev.conversa.store.Stores;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link Step#RESPOND}: on a due reply task, asks the responder and queues its answer through
 * the send gate. Nothing happens when a newer message moved the reply later or nothing waits
 * for an answer; when the bot may not speak, the waiting time is cleared and nothing is sent.
 * Outbox keys are {@code "reply:" + entry id + ":" + position} ({@code "handoff:" + entry id} for
 * the last message of a handoff, queued with {@code completesHandoff}), so a replayed task
 * queues nothing twice. Who may speak, and the handoff itself, are {@link Ownership}'s. The
 * responder runs {@link dev.conversa.store.UnitOfWork#outside outside} the unit of work the
 * dispatcher runs the task in, so no transaction waits on a model.
 *
 * <p>Each responder call is a turn of the {@link TurnLimiter}: once the sender's or the
 * tenant's turns of the window are spent, the responder is not asked; the sender gets the
 * budget's notice once per window ({@code "budget:" + entry id}), then nothing.
 */
final class RespondStep implements Middleware {

    private static final Logger LOG = LoggerFactory.getLogger(RespondStep.class);

    private final Stores stores;
    private final Ownership ownership;
    private final SendQueue queue;
    private final Responder responder;
    private final Map<ChannelType, ChannelCapabilities> capabilities;
    private final Clock clock;
    private final int historyLimit;
    private final ConversaObserver observer;
    private final TurnLimiter turns;

    RespondStep(Stores stores, SendQueue queue, Responder responder, Map<ChannelType, ChannelCapabilities> capabilities,
            Clock clock, int historyLimit, Ownership ownership, ConversaObserver observer, TurnLimiter turns) {
        this.observer = observer;
        this.turns = turns;
        this.stores = stores;
        this.ownership = ownership;
        this.queue = queue;
        this.responder = responder;
        this.capabilities = Map.copyOf(capabilities);
        this.clock = clock;
        this.historyLimit = historyLimit;
    }

    @Override
    public void handle(Context ctx, Chain next) {
        if (ctx.isReplyTask()) {
            Instant now = clock.instant();
            ctx.conversation()
                    .filter(conversation -> conversation.replyDueAt().filter(due -> !due.isAfter(now)).isPresent())
                    .ifPresent(conversation -> answer(ctx, conversation));
        }
        next.proceed();
    }

    private void answer(Context ctx, Conversation conversation) {
        if (!conversation.state().botMaySpeak()) {
            ownership.replyDone(ctx.tenant(), ctx.conversationKey());
            return;
        }
        ChannelCapabilities caps = capabilities.get(conversation.key().channel());
        if (caps == null) {
            throw new ConversaException("no channel adapter is registered for channel " + conversation.key().channel());
        }
        TurnLimiter.Decision decision = turns.take(ctx.tenant(), ctx.conversationKey(), clock.instant());
        if (decision != TurnLimiter.Decision.ANSWER) {
            if (decision == TurnLimiter.Decision.NOTICE) {
                queue.enqueue(ctx.tenant(), OutboundMessage.of(ctx.conversationKey(), new Text(turns.budget().notice())),
                        "budget:" + ctx.entryId(), false);
            }
            ownership.replyDone(ctx.tenant(), ctx.conversationKey());
            return;
        }
        List<MessageRecord> history = stores.messages().history(ctx.tenant(), ctx.conversationKey(), historyLimit);
        // in the message's own pass, the contact its RECORD step stored moments before, in the same unit
        var contact = ctx.attribute(RecordStep.CONTACT).or(() -> stores.contacts().find(ctx.tenant(),
                conversation.key().channel(), conversation.key().contactId()));
        Reply reply = stores.unitOfWork().outside(() -> timedRespond(conversation.key().channel(),
                new ResponderRequest(conversation, contact, history, caps)));
        if (Thread.currentThread().isInterrupted()) {
            // the runtime is closing: a responder's answer to an interrupt is its fallback, which
            // the customer must not get when the turn can run again on the next start
            throw new ConversaException("the responder was interrupted; the turn runs again");
        }
        if (ctx instanceof PipelineContext own) {
            own.checkLease();
        }
        if (replyFollows(reply)) {
            announce(ctx, history, caps);
            replyQueued(conversation.key().channel(), history);
        }
        if (reply instanceof Reply.Handoff handoff) {
            handoff.messageToCustomer().ifPresent(text -> queue.enqueue(ctx.tenant(),
                    OutboundMessage.of(ctx.conversationKey(), new Text(text)), "handoff:" + ctx.entryId(), true));
            ownership.handOffByResponder(ctx.tenant(), ctx.conversationKey(), handoff.messageToCustomer().isEmpty(),
                    handoff.reason(), handoff.queue());
            return;
        }
        if (reply instanceof Reply.Answer answer) {
            for (int i = 0; i < answer.messages().size(); i++) {
                send(ctx, answer.messages().get(i), String.valueOf(i));
            }
        }
        // read before the responder ran: if a person or a message changed it meanwhile, its
        // version refuses the write and it is read again
        ownership.replyDone(ctx.tenant(), ctx.conversationKey(), Optional.of(conversation));
    }

    private Reply timedRespond(ChannelType channel, ResponderRequest request) {
        Instant started = clock.instant();
        String outcome = "failed";
        try {
            Reply reply = responder.respond(request);
            outcome = reply instanceof Reply.Answer ? "answer" : reply instanceof Reply.Handoff ? "handoff" : "silence";
            return reply;
        } finally {
            Duration latency = Duration.between(started, clock.instant());
            String finalOutcome = outcome;
            observe(() -> observer.responderFinished(channel, finalOutcome, latency));
        }
    }

    /**
     * Tells the observer the reply is about to be queued (the typing or read marker, if any, is
     * already): from the customer's latest message to now.
     */
    private void replyQueued(ChannelType channel, List<MessageRecord> history) {
        history.stream().filter(message -> message.direction() == Direction.INBOUND)
                .map(MessageRecord::timestamp).max(Instant::compareTo).ifPresent(received -> {
                    Duration since = Duration.between(received, clock.instant());
                    Duration notNegative = since.isNegative() ? Duration.ZERO : since;
                    observe(() -> observer.replyQueued(channel, notNegative));
                });
    }

    private static void observe(Runnable call) {
        try {
            call.run();
        } catch (RuntimeException e) {
            LOG.debug("A ConversaObserver failed; ignored", e);
        }
    }

    private static boolean replyFollows(Reply reply) {
        return reply instanceof Reply.Answer
                || reply instanceof Reply.Handoff handoff && handoff.messageToCustomer().isPresent();
    }

    /**
     * Marks the customer's latest message read and shows typing (one {@link Typing}, which marks
     * read too), only once the responder decided that a reply follows (silence marks nothing).
     */
    private void announce(Context ctx, List<MessageRecord> history, ChannelCapabilities caps) {
        Optional<String> latestInbound = history.stream()
                .filter(message -> message.direction() == Direction.INBOUND)
                .reduce((first, second) -> second)
                .map(MessageRecord::messageId);
        if (latestInbound.isEmpty()) {
            return;
        }
        if (caps.typingIndicator()) {
            send(ctx, new Typing(true, latestInbound), "typing");
        } else if (caps.readReceipts()) {
            send(ctx, new MarkRead(latestInbound.get()), "read");
        }
    }

    private void send(Context ctx, OutboundContent content, String position) {
        queue.enqueue(ctx.tenant(), OutboundMessage.of(ctx.conversationKey(), content),
                "reply:" + ctx.entryId() + ":" + position, false);
    }
}
