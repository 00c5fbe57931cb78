package dev.conversa.pipeline;

import dev.conversa.channel.ChannelAccount;
import dev.conversa.conversation.internal.ConversationUpdates;
import dev.conversa.model.CallPermissionReply;
import dev.conversa.model.Conversation;
import dev.conversa.model.InboundMessage;
import dev.conversa.model.SystemNotice;
import dev.conversa.store.Stores;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * {@link Step#COALESCE}: a customer who writes three short messages gets one answer. Each
 * message in a conversation the bot answers moves the single pending reply task to
 * {@code min(now + quietWindow, unansweredSince + maxWait)}, so the reply comes after the
 * customer paused, but never later than the maximum wait after the first unanswered message.
 * A reply due at once (a zero quiet window, or the maximum wait already passed) in a conversation
 * with nothing else waiting in the inbox is not put in the inbox: the pipeline answers it in the
 * same pass, right after this entry's chain ({@link Pipeline#process(dev.conversa.store.InboxEntry)}),
 * which saves the reply task's own claim and transactions. With messages waiting behind this
 * one, the task is scheduled as always and runs after them, so a backlog gets one reply.
 * A channel's {@link SystemNotice} (a changed number or identity) and a
 * {@link CallPermissionReply} (the customer's answer to a request to call them) are not the
 * customer writing and are never answered; nor is a message written in a group
 * ({@code EventHeader.participant()}) unless its account
 * {@link dev.conversa.channel.ChannelAccount#servesGroups() serves groups}.
 */
final class CoalesceStep implements Middleware {

    /** Set on a message's pass when its reply is due at once, so the pipeline answers it in the same pass. */
    static final AttributeKey<Boolean> REPLY_NOW = AttributeKey.of("conversa.reply-now", Boolean.class);

    private final Stores stores;
    private final ConversationUpdates updates;
    private final Clock clock;
    private final Duration quietWindow;
    private final Duration maxWait;

    CoalesceStep(Stores stores, Clock clock, Duration quietWindow, Duration maxWait) {
        this.stores = stores;
        this.updates = new ConversationUpdates(stores.conversations());
        this.clock = clock;
        this.quietWindow = quietWindow;
        this.maxWait = maxWait;
    }

    @Override
    public void handle(Context ctx, Chain next) {
        if (ctx.event().isPresent() && ctx.event().get() instanceof InboundMessage message
                && !(message.content() instanceof SystemNotice)
                && !(message.content() instanceof CallPermissionReply)
                && (message.header().participant().isEmpty() || servesGroups(ctx, message))) {
            schedule(ctx, message);
        }
        next.proceed();
    }

    private boolean servesGroups(Context ctx, InboundMessage message) {
        var header = message.header();
        return stores.accounts().findByAccountId(header.channel(), header.accountId())
                .filter(account -> account.tenant().equals(ctx.tenant()))
                .filter(ChannelAccount::servesGroups).isPresent();
    }

    private void schedule(Context ctx, InboundMessage message) {
        Instant now = clock.instant();
        Conversation stored = updates.apply(ctx.tenant(), ctx.conversationKey(), now,
                ctx.attribute(RecordStep.RECORDED), current -> {
            if (!current.state().botMaySpeak()) {
                return current;
            }
            Instant since = current.unansweredSince().orElse(message.header().timestamp());
            Instant quiet = now.plus(quietWindow);
            Instant latest = since.plus(maxWait);
            Instant due = quiet.isBefore(latest) ? quiet : latest;
            return current.withReplyDue(Optional.of(due), Optional.of(since), now);
        });
        if (!stored.state().botMaySpeak() || stored.replyDueAt().isEmpty()) {
            return;
        }
        Instant due = stored.replyDueAt().get();
        if (due.isAfter(now) || stores.inbox().hasWaiting(ctx.tenant(), ctx.conversationKey())) {
            stores.inbox().scheduleReply(ctx.tenant(), ctx.conversationKey(), due, now);
        } else {
            ctx.attribute(REPLY_NOW, true);
        }
    }
}
