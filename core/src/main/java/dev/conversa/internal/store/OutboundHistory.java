package dev.conversa.internal.store;

import dev.conversa.model.Buttons;
import dev.conversa.model.CallToAction;
import dev.conversa.model.DeliveryStatus;
import dev.conversa.model.Direction;
import dev.conversa.model.ListMenu;
import dev.conversa.model.MessageContent;
import dev.conversa.model.MessageRecord;
import dev.conversa.model.OutboundContent;
import dev.conversa.model.QuickReplies;
import dev.conversa.store.MessageStore;
import dev.conversa.store.OutboxEntry;
import dev.conversa.store.OutboxState;
import java.util.List;
import java.util.Optional;

/**
 * The message history's record of an outbox entry's message, kept true by both of its writers.
 *
 * <p>The queue writes the record ({@code PENDING}, under the entry's provisional id) right after
 * it queued the entry; the outbox worker renames it to the channel's ids and moves its status
 * when the send ends. Either may come first, or alone: the worker may finish the send before
 * the queue's write (it is a separate store call), and the process that queued the entry may
 * have stopped before writing it. So the worker writes a missing record itself
 * ({@link #settle}), and the queue takes back a record written after the worker had finished
 * ({@link #recordQueued}). A record written late carries the entry's creation time, so the
 * history keeps the message in its place. Without this, the next turn's responder would see
 * the customer's message as unanswered and answer it a second time.
 *
 * <p><b>Internal:</b> not part of the public API.
 */
public final class OutboundHistory {

    private OutboundHistory() {}

    /**
     * Writes the record of an entry just queued, as {@code PENDING}; if the entry was finished
     * by the time it is written (the worker overtook this write), the record the worker wrote
     * stands and this one is taken back. For an entry queued earlier and already finished (a
     * redelivery, a retried turn), writes the record only if its writer died before writing it.
     *
     * @param messages the message history
     * @param queued the entry as the outbox returned it
     * @param reread reads the entry again
     */
    public static void recordQueued(MessageStore messages, OutboxEntry queued,
            java.util.function.Supplier<Optional<OutboxEntry>> reread) {
        if (!queued.message().content().isMessage()) {
            return;
        }
        if (isFinished(queued.state())) {
            settle(messages, queued);
            return;
        }
        if (!messages.append(record(queued, queued.provisionalMessageId(), DeliveryStatus.PENDING))) {
            return;
        }
        OutboxEntry now = reread.get().orElse(queued);
        if (isFinished(now.state())) {
            messages.delete(queued.tenant(), queued.message().to().channel(), queued.provisionalMessageId());
            settle(messages, now);
        }
    }

    /**
     * Brings the record of a finished entry to its outcome: renamed to the channel's ids and
     * {@code SENT}, or {@code FAILED}, or {@code SEND_UNCERTAIN}; written first if missing.
     *
     * @param messages the message history
     * @param entry the entry
     * @param channelIds the channel's ids of the sent parts, empty unless sent
     * @param status the outcome
     */
    public static void settle(MessageStore messages, OutboxEntry entry, List<String> channelIds,
            DeliveryStatus status) {
        if (!entry.message().content().isMessage()) {
            return;
        }
        var tenant = entry.tenant();
        var channel = entry.message().to().channel();
        String provisional = entry.provisionalMessageId();
        String id = provisional;
        if (!channelIds.isEmpty()) {
            id = channelIds.get(0);
            if (messages.rename(tenant, channel, provisional, channelIds, status)) {
                return;
            }
            if (messages.find(tenant, channel, id).isEmpty()) {
                messages.append(record(entry, provisional, status));
                messages.rename(tenant, channel, provisional, channelIds, status);
                return;
            }
        } else if (messages.find(tenant, channel, provisional).isEmpty()) {
            messages.append(record(entry, provisional, status));
        }
        messages.updateStatus(tenant, channel, id, status);
    }

    /**
     * What the history shows of an outbound message's content.
     *
     * @param content the content
     * @return its text, when it has one
     */
    public static Optional<String> readableText(OutboundContent content) {
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

    private static void settle(MessageStore messages, OutboxEntry entry) {
        switch (entry.state()) {
            case SENT -> settle(messages, entry, entry.channelMessageId().map(List::of).orElse(List.of()),
                    DeliveryStatus.SENT);
            case DEAD -> settle(messages, entry, List.of(), DeliveryStatus.FAILED);
            case SEND_UNCERTAIN -> settle(messages, entry, List.of(), DeliveryStatus.SEND_UNCERTAIN);
            default -> throw new IllegalStateException("not finished: " + entry.state());
        }
    }

    private static boolean isFinished(OutboxState state) {
        return state != OutboxState.PENDING && state != OutboxState.SENDING;
    }

    private static MessageRecord record(OutboxEntry entry, String id, DeliveryStatus status) {
        var message = entry.message();
        return new MessageRecord(entry.tenant(), message.to(), id, Direction.OUTBOUND, message.author(),
                message.content().kind(), readableText(message.content()), status, entry.createdAt(),
                message.agent());
    }
}
