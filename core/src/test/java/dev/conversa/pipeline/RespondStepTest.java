package dev.conversa.pipeline;

import static dev.conversa.pipeline.PipelineFixture.KEY;
import static dev.conversa.pipeline.PipelineFixture.TENANT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.conversa.lang.ConversaException;
import dev.conversa.model.ConversationState;
import dev.conversa.model.MarkRead;
import dev.conversa.model.Text;
import dev.conversa.respond.Reply;
import dev.conversa.respond.ResponderRequest;
import dev.conversa.store.OutboxEntry;
import dev.conversa.store.OutboxState;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RespondStepTest {

    private final PipelineFixture fixture = new PipelineFixture();
    private final List<ResponderRequest> requests = new ArrayList<>();

    @Test
    void answersWhenTheReplyTaskIsDue() throws Exception {
        // given
        Pipeline pipeline = responding(Reply.text("Hello Alice"));
        fixture.process(pipeline, fixture.message("m1", "hi"));

        // when
        fixture.clock.advance(Duration.ofSeconds(2));
        fixture.runDue(pipeline);

        // then
        assertThat(requests).singleElement().satisfies(request -> {
            assertThat(request.latestText()).isEqualTo("hi");
            assertThat(request.contact()).isPresent();
            assertThat(request.capabilities()).isEqualTo(PipelineFixture.capabilities());
        });
        assertThat(queued()).extracting(entry -> entry.message().content())
                .containsExactly(new MarkRead("m1"), new Text("Hello Alice"));
        assertThat(queued()).extracting(OutboxEntry::idempotencyKey).last().asString().matches("reply:\\d+:0");
        var conversation = fixture.stores.conversations().find(TENANT, KEY).orElseThrow();
        assertThat(conversation.replyDueAt()).isEmpty();
        assertThat(conversation.unansweredSince()).isEmpty();
    }

    @Test
    void marksNothingReadWhenTheResponderStaysSilent() throws Exception {
        // given
        Pipeline pipeline = responding(Reply.silence());
        fixture.process(pipeline, fixture.message("m1", "hi"));

        // when
        fixture.clock.advance(Duration.ofSeconds(2));
        fixture.runDue(pipeline);

        // then
        assertThat(requests).hasSize(1);
        assertThat(queued()).isEmpty();
    }

    @Test
    void doesNothingBeforeTheReplyIsDue() throws Exception {
        Pipeline pipeline = responding(Reply.text("Hello"));
        fixture.process(pipeline, fixture.message("m1", "hi"));

        fixture.clock.advance(Duration.ofSeconds(1));
        fixture.runDue(pipeline);

        assertThat(requests).isEmpty();
        assertThat(queued()).isEmpty();
    }

    @Test
    void handsOffToAPersonWithAMessageToTheCustomer() throws Exception {
        Pipeline pipeline = responding(new Reply.Handoff(Optional.of("A colleague will answer."), "asked"));
        fixture.process(pipeline, fixture.message("m1", "agent please"));

        fixture.clock.advance(Duration.ofSeconds(2));
        fixture.runDue(pipeline);

        assertThat(fixture.stores.conversations().find(TENANT, KEY).orElseThrow().state())
                .isEqualTo(ConversationState.WAITING_FOR_AGENT);
        assertThat(queued()).extracting(entry -> entry.message().content()).contains(new Text("A colleague will answer."));
    }

    @Test
    void staysSilentAndClearsTheDueTimeWhenAPersonTookOver() throws Exception {
        // given
        Pipeline pipeline = responding(Reply.text("Hello"));
        fixture.process(pipeline, fixture.message("m1", "hi"));
        var conversation = fixture.stores.conversations().find(TENANT, KEY).orElseThrow();
        fixture.stores.conversations().update(conversation.withState(ConversationState.WITH_AGENT,
                fixture.clock.instant()));

        // when
        fixture.clock.advance(Duration.ofSeconds(2));
        fixture.runDue(pipeline);

        // then
        assertThat(requests).isEmpty();
        assertThat(queued()).isEmpty();
        assertThat(fixture.stores.conversations().find(TENANT, KEY).orElseThrow().replyDueAt()).isEmpty();
    }

    @Test
    void queuesTheAnswerOnceWhenTheReplyTaskRunsAgain() throws Exception {
        // given
        Pipeline pipeline = responding(Reply.text("Hello"));
        fixture.process(pipeline, fixture.message("m1", "hi"));
        fixture.clock.advance(Duration.ofSeconds(2));
        var task = fixture.stores.inbox().claim("test", 1, Duration.ofMinutes(1), fixture.clock.instant()).get(0);
        pipeline.process(task);
        var conversation = fixture.stores.conversations().find(TENANT, KEY).orElseThrow();
        fixture.stores.conversations().update(conversation.withReplyDue(Optional.of(fixture.clock.instant()),
                Optional.of(fixture.clock.instant()), fixture.clock.instant()));

        // when: the worker crashed before completing, and the same task runs again
        pipeline.process(task);

        // then
        assertThat(requests).hasSize(2);
        assertThat(queued()).filteredOn(entry -> entry.message().content() instanceof Text).hasSize(1);
    }

    @Test
    void queuesNothingWhenTheResponderWasInterruptedAndTheTurnRunsAgain() throws Exception {
        // given: the runtime closes while the responder runs; it answers its fallback anyway
        Pipeline pipeline = fixture.builder().responder(request -> {
            requests.add(request);
            Thread.currentThread().interrupt();
            return Reply.text("Sorry, I can't answer right now");
        }).build();
        fixture.process(pipeline, fixture.message("m1", "hi"));
        fixture.clock.advance(Duration.ofSeconds(2));

        // when
        Throwable failure = catchThrowable(() -> fixture.runDue(pipeline));
        boolean stillInterrupted = Thread.interrupted();

        // then: no fallback reaches the customer; the turn fails, so the entry is tried again
        assertThat(failure).isInstanceOf(ConversaException.class).hasMessageContaining("interrupted");
        assertThat(stillInterrupted).as("the interrupt is kept for the worker").isTrue();
        assertThat(requests).hasSize(1);
        assertThat(queued()).isEmpty();
    }

    private Pipeline responding(Reply reply) {
        return fixture.builder().responder(request -> {
            requests.add(request);
            return reply;
        }).build();
    }

    private List<OutboxEntry> queued() {
        return fixture.stores.outbox().list(TENANT, OutboxState.PENDING, 20);
    }
}
