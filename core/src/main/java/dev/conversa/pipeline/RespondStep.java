package dev.conversa.pipeline;

import dev.conversa.conversation.StateChange;
import dev.conversa.internal.state.StateNotifier;
import dev.conversa.ConversaException;
import dev.conversa.channel.ChannelCapabilities;
import dev.conversa.model.ChannelType;
import dev.conversa.model.Conversation;
import dev.conversa.model.ConversationState;
import dev.conversa.model.Direction;
import dev.conversa.model.MarkRead;
import dev.conversa.model.MessageRecord;
import dev.conversa.model.OutboundContent;
import dev.conversa.model.OutboundMessage;
import dev.conversa.model.Text;
import dev.conversa.model.Typing;
import dev.conversa.respond.Reply;
import dev.conversa.respond.Responder;
import dev.conversa.respond.ResponderRequest;
import dev.conversa.store.AuditEvent;
import dev.conversa.store.Stores;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@link Step#RESPOND}: on a due reply task, asks the responder and queues its answer through
 * the send gate. Nothing happens when a newer message moved the reply later or nothing waits
 * for an answer; when the bot may not speak, the waiting time is cleared and nothing is sent.
 * Outbox keys are {@code "reply:" + entry id + ":" + position}, so a replayed task queues
 * nothing twice.
 */
final class RespondStep implements Middleware {

    private final Stores stores;
    private final ConversationUpdates updates;
    private final SendGate gate;
    private final Responder responder;
    private final Map<ChannelType, ChannelCapabilities> capabilities;
    private final Clock clock;
    private final int historyLimit;

    private final StateNotifier notifier;

    RespondStep(Stores stores, SendGate gate, Responder responder, Map<ChannelType, ChannelCapabilities> capabilities,
            Clock clock, int historyLimit,
            StateNotifier notifier) {
        this.notifier = notifier;
        this.stores = stores;
        this.updates = new ConversationUpdates(stores.conversations());
        this.gate = gate;
        this.responder = responder;
        this.capabilities = Map.copyOf(capabilities);
        this.clock = clock;
        this.historyLimit = historyLimit;
    }

    @Override
    public void handle(Context ctx, Chain next) throws Exception {
        if (ctx.isReplyTask()) {
            Instant now = clock.instant();
            ctx.conversation()
                    .filter(conversation -> conversation.replyDueAt().filter(due -> !due.isAfter(now)).isPresent())
                    .ifPresent(conversation -> answer(ctx, conversation, now));
        }
        next.proceed(ctx);
    }

    private void answer(Context ctx, Conversation conversation, Instant now) {
        if (!conversation.state().botMaySpeak()) {
            finish(ctx, Optional.empty(), true, now);
            return;
        }
        ChannelCapabilities caps = capabilities.get(conversation.key().channel());
        if (caps == null) {
            throw new ConversaException("no channel adapter is registered for channel " + conversation.key().channel());
        }
        List<MessageRecord> history = stores.messages().history(ctx.tenant(), ctx.conversationKey(), historyLimit);
        var contact = stores.contacts().find(ctx.tenant(), conversation.key().channel(), conversation.key().contactId());
        Reply reply = responder.respond(new ResponderRequest(conversation, contact, history, caps));
        if (ctx instanceof PipelineContext own) {
            own.checkLease();
        }
        Optional<ConversationState> newState = Optional.empty();
        boolean tellListenersNow = true;
        if (replyFollows(reply)) {
            announce(ctx, history, caps);
        }
        if (reply instanceof Reply.Answer answer) {
            for (int i = 0; i < answer.messages().size(); i++) {
                send(ctx, answer.messages().get(i), String.valueOf(i));
            }
        } else if (reply instanceof Reply.Handoff handoff) {
            handoff.messageToCustomer().ifPresent(text -> gate.enqueue(ctx.tenant(),
                    OutboundMessage.of(ctx.conversationKey(), new Text(text)),
                    Pipeline.HANDOFF_KEY_PREFIX + ctx.entryId()));
            tellListenersNow = handoff.messageToCustomer().isEmpty();
            newState = Optional.of(ConversationState.WAITING_FOR_AGENT);
            stores.audit().record(new AuditEvent(ctx.tenant(), now, "handoff",
                    Map.of("from", conversation.state().name(), "to", ConversationState.WAITING_FOR_AGENT.name())));
        }
        finish(ctx, newState, tellListenersNow, now);
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
        gate.enqueue(ctx.tenant(), OutboundMessage.of(ctx.conversationKey(), content),
                "reply:" + ctx.entryId() + ":" + position);
    }

    /**
     * Clears the due reply and stores the new state. Listeners hear of it now, or, when the
     * handoff sends the customer a message first, from the outbox once that message left.
     */
    private void finish(Context ctx, Optional<ConversationState> newState, boolean tellListeners, Instant now) {
        ConversationState[] before = new ConversationState[1];
        Optional<Conversation> stored = updates.applyIfExists(ctx.tenant(), ctx.conversationKey(), now, current -> {
            before[0] = current.state();
            var cleared = current.withReplyDue(Optional.empty(), Optional.empty(), now);
            return newState.filter(state -> current.state().botMaySpeak())
                    .map(state -> cleared.withState(state, now))
                    .orElse(cleared);
        });
        stored.filter(after -> tellListeners).ifPresent(after -> notifier.changed(ctx.tenant(), ctx.conversationKey(),
                before[0], after.state(), StateChange.Origin.RESPONDER));
    }
}
