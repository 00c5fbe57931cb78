package dev.conversa.pipeline;

import static dev.conversa.pipeline.PipelineFixture.CHANNEL;
import static dev.conversa.pipeline.PipelineFixture.KEY;
import static dev.conversa.pipeline.PipelineFixture.TENANT;
import static org.assertj.core.api.Assertions.assertThat;

import dev.conversa.model.DeliveryStatus;
import dev.conversa.model.OutboundMessage;
import dev.conversa.model.StatusUpdate;
import dev.conversa.respond.Reply;
import dev.conversa.store.OutboxEntry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A status webhook can overtake the answer to its send: Meta delivered the message and told us
 * before the outbox recorded the channel's id. The status then waits for the id instead of being
 * lost, and a later rename does not write over it.
 */
class StatusOvertakingSendTest {

    private static final Duration LEASE = Duration.ofMinutes(1);

    private final PipelineFixture fixture = new PipelineFixture();
    private final Pipeline pipeline = fixture.builder().responder(request -> Reply.silence()).build();

    @Test
    void aStatusThatArrivesWhileItsSendIsUnderWayIsAppliedOnceTheIdIsRecorded() throws Exception {
        // given: our message is on the wire, its answer not yet recorded
        OutboxEntry queued = pipeline.enqueue(TENANT, OutboundMessage.text(KEY, "hello"), "k1");
        OutboxEntry sending = startSending();

        // when: Meta's "delivered" arrives first, then the answer is recorded
        fixture.process(pipeline, status("s1", "wamid-9", DeliveryStatus.DELIVERED));
        assertThat(fixture.stores.inbox().pendingCount()).isEqualTo(1);
        fixture.stores.outbox().markSent(sending, Optional.of("wamid-9"), fixture.clock.instant());
        fixture.stores.messages().rename(TENANT, CHANNEL, queued.provisionalMessageId(), List.of("wamid-9"));
        fixture.stores.messages().updateStatus(TENANT, CHANNEL, "wamid-9", DeliveryStatus.SENT);
        fixture.clock.advance(Duration.ofSeconds(1));
        fixture.runDue(pipeline);

        // then
        assertThat(fixture.stores.inbox().pendingCount()).isZero();
        assertThat(fixture.stores.messages().find(TENANT, CHANNEL, "wamid-9").orElseThrow().status())
                .isEqualTo(DeliveryStatus.DELIVERED);
    }

    @Test
    void aStatusForAnUnknownIdWithNothingBeingSentIsNotHeldBack() throws Exception {
        fixture.process(pipeline, status("s1", "wamid-elsewhere", DeliveryStatus.DELIVERED));

        assertThat(fixture.stores.inbox().pendingCount()).isZero();
    }

    @Test
    void aStatusWaitsForItsSendOnlyAFewTimes() throws Exception {
        // given: a send that never gets its answer recorded
        pipeline.enqueue(TENANT, OutboundMessage.text(KEY, "hello"), "k1");
        startSending();

        // when
        fixture.process(pipeline, status("s1", "wamid-9", DeliveryStatus.DELIVERED));
        for (int wait = 0; wait < StatusStep.DEFERRALS; wait++) {
            fixture.clock.advance(Duration.ofSeconds(10));
            fixture.runDue(pipeline);
        }

        // then
        assertThat(fixture.stores.inbox().pendingCount()).isZero();
        assertThat(fixture.stores.inbox().parked(TENANT, 10)).isEmpty();
    }

    private OutboxEntry startSending() {
        OutboxEntry claimed = fixture.stores.outbox().claim("w", 1, LEASE, fixture.clock.instant()).get(0);
        return fixture.stores.outbox().markSending(claimed, LEASE, fixture.clock.instant());
    }

    private StatusUpdate status(String eventId, String messageId, DeliveryStatus status) {
        return new StatusUpdate(fixture.header(eventId), messageId, status, List.of(), Map.of());
    }
}
