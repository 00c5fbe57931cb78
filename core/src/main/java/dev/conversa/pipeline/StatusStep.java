package dev.conversa.pipeline;

import dev.conversa.model.DeliveryStatus;
import dev.conversa.model.Direction;
import dev.conversa.model.MessageRecord;
import dev.conversa.model.Read;
import dev.conversa.model.StatusUpdate;
import dev.conversa.model.TenantId;
import dev.conversa.store.MessageStore;
import java.time.Instant;

/**
 * {@link Step#STATUS}: moves the status of the business's messages forward. A status update
 * names one message; a read receipt names one message (Instagram) or a watermark (Messenger)
 * that covers every earlier outbound message. Statuses never move back.
 */
final class StatusStep implements Middleware {

    private static final int WATERMARK_SCAN = 100;

    private final MessageStore messages;

    StatusStep(MessageStore messages) {
        this.messages = messages;
    }

    @Override
    public void handle(Context ctx, Chain next) throws Exception {
        var event = ctx.event();
        if (event.isPresent() && event.get() instanceof StatusUpdate status) {
            messages.updateStatus(ctx.tenant(), status.header().channel(), status.messageId(), status.status());
        } else if (event.isPresent() && event.get() instanceof Read read) {
            markRead(ctx.tenant(), read);
        }
        next.proceed(ctx);
    }

    private void markRead(TenantId tenant, Read read) {
        var channel = read.header().channel();
        read.messageId().ifPresent(id -> messages.updateStatus(tenant, channel, id, DeliveryStatus.READ));
        if (read.watermark().isEmpty()) {
            return;
        }
        Instant watermark = read.watermark().get();
        for (MessageRecord message : messages.history(tenant, read.conversation(), WATERMARK_SCAN)) {
            if (message.direction() == Direction.OUTBOUND && !message.timestamp().isAfter(watermark)) {
                messages.updateStatus(tenant, channel, message.messageId(), DeliveryStatus.READ);
            }
        }
    }
}
