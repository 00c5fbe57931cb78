package dev.conversa.pipeline;

import dev.conversa.model.ChannelType;
import dev.conversa.model.ConversationKey;
import dev.conversa.model.DeliveryStatus;
import dev.conversa.model.DeliveryWatermark;
import dev.conversa.model.Direction;
import dev.conversa.model.MessageRecord;
import dev.conversa.model.Read;
import dev.conversa.model.StatusUpdate;
import dev.conversa.model.TenantId;
import dev.conversa.store.MessageStore;
import dev.conversa.store.Outbox;
import java.time.Duration;
import java.time.Instant;

/**
 * {@link Step#STATUS}: moves the status of the business's messages forward. A status update
 * names one message; a read receipt names one message (Instagram) or a watermark (Messenger)
 * that covers every earlier outbound message, and so does a Messenger delivery that names no
 * message ({@link DeliveryWatermark}). Statuses never move back.
 *
 * <p>A status can overtake the answer to its send: Meta accepted the message and reported it
 * delivered before the outbox recorded the channel's id. When a status names an id the history
 * does not know while a message of that conversation is being sent, the entry is deferred (half
 * a second, then one, then two) and applied once the id is recorded, rather than lost.
 */
final class StatusStep implements Middleware {

    private static final int WATERMARK_SCAN = 100;
    /** How many times a status for an unknown id waits for a send in progress. */
    static final int DEFERRALS = 3;
    private static final Duration FIRST_DEFERRAL = Duration.ofMillis(500);

    private final MessageStore messages;
    private final Outbox outbox;

    StatusStep(MessageStore messages, Outbox outbox) {
        this.messages = messages;
        this.outbox = outbox;
    }

    @Override
    public void handle(Context ctx, Chain next) {
        var event = ctx.event();
        if (event.isPresent() && event.get() instanceof StatusUpdate status) {
            update(ctx, status.conversation(), status.messageId(), status.status());
        } else if (event.isPresent() && event.get() instanceof Read read) {
            read.messageId().ifPresent(id -> update(ctx, read.conversation(), id, DeliveryStatus.READ));
            read.watermark().ifPresent(watermark -> markUpTo(ctx.tenant(), read.conversation(), watermark,
                    DeliveryStatus.READ));
        } else if (event.isPresent() && event.get() instanceof DeliveryWatermark delivered) {
            markUpTo(ctx.tenant(), delivered.conversation(), delivered.watermark(), DeliveryStatus.DELIVERED);
        }
        next.proceed();
    }

    private void update(Context ctx, ConversationKey conversation, String messageId, DeliveryStatus status) {
        ChannelType channel = conversation.channel();
        if (messages.updateStatus(ctx.tenant(), channel, messageId, status)
                || messages.find(ctx.tenant(), channel, messageId).isPresent()) {
            return;
        }
        if (ctx instanceof PipelineContext own && own.entry().attempts() < DEFERRALS
                && !outbox.sending(ctx.tenant(), conversation).isEmpty()) {
            own.deferUntil(ctx.now().plus(FIRST_DEFERRAL.multipliedBy(1L << own.entry().attempts())));
        }
    }

    /** Moves every outbound message of the conversation sent up to the watermark to the status. */
    private void markUpTo(TenantId tenant, ConversationKey conversation, Instant watermark, DeliveryStatus status) {
        for (MessageRecord message : messages.history(tenant, conversation, WATERMARK_SCAN)) {
            if (message.direction() == Direction.OUTBOUND && !message.timestamp().isAfter(watermark)) {
                messages.updateStatus(tenant, conversation.channel(), message.messageId(), status);
            }
        }
    }
}
