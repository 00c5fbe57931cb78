package dev.conversa.pipeline;

import dev.conversa.model.Buttons;
import dev.conversa.model.CallToAction;
import dev.conversa.model.DeliveryStatus;
import dev.conversa.model.Direction;
import dev.conversa.model.ListMenu;
import dev.conversa.model.MessageContent;
import dev.conversa.model.MessageRecord;
import dev.conversa.model.OutboundContent;
import dev.conversa.model.OutboundMessage;
import dev.conversa.model.QuickReplies;
import dev.conversa.model.TenantId;
import dev.conversa.store.MessageStore;
import dev.conversa.store.Outbox;
import dev.conversa.store.OutboxEntry;
import dev.conversa.store.OutboxState;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * Queues a message: records it in the outbox under its idempotency key and, for messages (not
 * markers), in the history as {@code PENDING} under the outbox's provisional id. Whether it may
 * go is decided at send time, by the send gate of the outbox worker.
 */
final class SendQueue {

    private final Outbox outbox;
    private final MessageStore messages;
    private final Clock clock;

    SendQueue(Outbox outbox, MessageStore messages, Clock clock) {
        this.outbox = outbox;
        this.messages = messages;
        this.clock = clock;
    }

    OutboxEntry enqueue(TenantId tenant, OutboundMessage message, String idempotencyKey, boolean completesHandoff) {
        Instant now = clock.instant();
        OutboxEntry entry = outbox.enqueue(tenant, message, idempotencyKey, completesHandoff, now);
        boolean notYetSent = entry.state() == OutboxState.PENDING || entry.state() == OutboxState.SENDING;
        if (message.content().isMessage() && notYetSent) {
            messages.append(new MessageRecord(tenant, message.to(), entry.provisionalMessageId(), Direction.OUTBOUND,
                    message.author(), message.content().kind(), readableText(message.content()), DeliveryStatus.PENDING,
                    now));
        }
        return entry;
    }

    static Optional<String> readableText(OutboundContent content) {
        String text = "";
        if (content instanceof MessageContent readable) {
            text = readable.readableText();
        } else if (content instanceof Buttons buttons) {
            text = buttons.body();
        } else if (content instanceof ListMenu list) {
            text = list.body();
        } else if (content instanceof QuickReplies quickReplies) {
            text = quickReplies.body();
        } else if (content instanceof CallToAction callToAction) {
            text = callToAction.body();
        }
        return text.isEmpty() ? Optional.empty() : Optional.of(text);
    }
}
