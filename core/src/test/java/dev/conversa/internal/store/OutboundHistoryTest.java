package dev.conversa.internal.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.conversa.model.ChannelType;
import dev.conversa.model.ConversationKey;
import dev.conversa.model.DeliveryStatus;
import dev.conversa.model.Direction;
import dev.conversa.model.MessageRecord;
import dev.conversa.model.OutboundMessage;
import dev.conversa.model.TenantId;
import dev.conversa.model.Typing;
import dev.conversa.store.OutboxEntry;
import dev.conversa.store.Stores;
import dev.conversa.store.memory.InMemoryStores;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class OutboundHistoryTest {

    private static final TenantId TENANT = TenantId.of("shop");
    private static final ConversationKey ANNA = new ConversationKey(ChannelType.WHATSAPP, "phone-1", "34600000001");
    private static final Instant QUEUED = Instant.parse("2026-01-05T09:00:00Z");
    private static final Duration LEASE = Duration.ofSeconds(15);

    private final Stores stores = InMemoryStores.create();

    @Test
    void aQueuedReplyIsInTheHistoryAsPendingThenRenamedWhenSent() {
        OutboxEntry queued = enqueue("hello");

        OutboundHistory.recordQueued(stores.messages(), queued, () -> find(queued));
        OutboundHistory.settle(stores.messages(), send(queued), List.of("wamid.1"), DeliveryStatus.SENT);

        assertThat(outbound()).singleElement().satisfies(record -> {
            assertThat(record.messageId()).isEqualTo("wamid.1");
            assertThat(record.status()).isEqualTo(DeliveryStatus.SENT);
            assertThat(record.text()).contains("hello");
        });
    }

    @Test
    void aWorkerThatFinishedBeforeTheQueuesWriteLeavesOneRecordUnderTheChannelsId() {
        // given: the worker sent it and settled the history before the queue wrote its record
        OutboxEntry queued = enqueue("hello");
        OutboxEntry sending = send(queued);
        stores.outbox().markSent(sending, Optional.of("wamid.1"), QUEUED.plusMillis(5));
        OutboundHistory.settle(stores.messages(), sending, List.of("wamid.1"), DeliveryStatus.SENT);

        // when: the queue's write comes last, with the entry as it was when queued
        OutboundHistory.recordQueued(stores.messages(), queued, () -> find(queued));

        // then
        assertThat(outbound()).singleElement().satisfies(record -> {
            assertThat(record.messageId()).isEqualTo("wamid.1");
            assertThat(record.status()).isEqualTo(DeliveryStatus.SENT);
            assertThat(record.timestamp()).isEqualTo(QUEUED);
        });
    }

    @Test
    void aSendLeftUncertainByAProcessThatDiedBeforeWritingTheHistoryIsStillInIt() {
        // given: queued, and the process died before it wrote the history record
        OutboxEntry queued = enqueue("hello");
        OutboxEntry sending = send(queued);

        // when: the next worker finds the send uncertain
        stores.outbox().markUncertain(sending, "the worker stopped while sending");
        OutboundHistory.settle(stores.messages(), sending, List.of(), DeliveryStatus.SEND_UNCERTAIN);

        // then: the reply is in its place in the history, so the next turn sees the message answered
        assertThat(outbound()).singleElement().satisfies(record -> {
            assertThat(record.status()).isEqualTo(DeliveryStatus.SEND_UNCERTAIN);
            assertThat(record.timestamp()).isEqualTo(QUEUED);
        });
    }

    @Test
    void aRetriedTurnWritesTheMissingRecordOfItsFinishedReplyOnce() {
        // given: sent, but the history record was never written
        OutboxEntry queued = enqueue("hello");
        stores.outbox().markSent(send(queued), Optional.of("wamid.1"), QUEUED.plusMillis(5));

        // when: the turn runs again and queues the same reply (same key) twice more
        for (int turn = 0; turn < 2; turn++) {
            OutboxEntry again = enqueue("hello");
            OutboundHistory.recordQueued(stores.messages(), again, () -> find(again));
        }

        // then
        assertThat(outbound()).singleElement().satisfies(record -> {
            assertThat(record.messageId()).isEqualTo("wamid.1");
            assertThat(record.status()).isEqualTo(DeliveryStatus.SENT);
        });
    }

    @Test
    void markersAreNeverInTheHistory() {
        OutboxEntry typing = stores.outbox().enqueue(TENANT, OutboundMessage.of(ANNA, new Typing(true, Optional.of("wamid.in"))), "typing-1", QUEUED);

        OutboundHistory.recordQueued(stores.messages(), typing, () -> find(typing));
        OutboundHistory.settle(stores.messages(), typing, List.of(), DeliveryStatus.FAILED);

        assertThat(stores.messages().history(TENANT, ANNA, 10)).isEmpty();
    }

    private OutboxEntry enqueue(String text) {
        return stores.outbox().enqueue(TENANT, OutboundMessage.text(ANNA, text), "reply-1", QUEUED);
    }

    private OutboxEntry send(OutboxEntry queued) {
        OutboxEntry claimed = stores.outbox().claim("worker", 1, LEASE, QUEUED.plusMillis(1)).get(0);
        assertThat(claimed.id()).isEqualTo(queued.id());
        return stores.outbox().markSending(claimed, LEASE, QUEUED.plusMillis(2));
    }

    private Optional<OutboxEntry> find(OutboxEntry entry) {
        return stores.outbox().find(TENANT, entry.id());
    }

    private List<MessageRecord> outbound() {
        return stores.messages().history(TENANT, ANNA, 10).stream()
                .filter(record -> record.direction() == Direction.OUTBOUND).toList();
    }
}
