package dev.conversa.pipeline;

import static dev.conversa.pipeline.PipelineFixture.KEY;
import static dev.conversa.pipeline.PipelineFixture.TENANT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.conversa.model.Conversation;
import dev.conversa.model.MessageRecord;
import dev.conversa.model.Text;
import dev.conversa.respond.Reply;
import dev.conversa.store.OutboxState;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PipelineTest {

    private final PipelineFixture fixture = new PipelineFixture();

    @Test
    void runsHostMiddlewareBeforeTheNamedStep() throws Exception {
        // given
        List<String> seen = new ArrayList<>();
        Pipeline pipeline = fixture.builder().responder(request -> Reply.silence())
                .middleware(Step.RECORD, (ctx, next) -> {
                    seen.add("before RECORD, stored: " + history().size());
                    next.proceed();
                })
                .middleware(Step.COALESCE, (ctx, next) -> {
                    seen.add("before COALESCE, reply due: " + ctx.conversation().flatMap(Conversation::replyDueAt)
                            .isPresent());
                    next.proceed();
                })
                .middleware(Step.RESPOND, (ctx, next) -> {
                    seen.add("before RESPOND, reply due: " + ctx.conversation().flatMap(Conversation::replyDueAt)
                            .isPresent());
                    next.proceed();
                })
                .build();

        // when
        fixture.process(pipeline, fixture.message("m1", "hi"));

        // then
        assertThat(seen).containsExactly("before RECORD, stored: 0", "before COALESCE, reply due: false",
                "before RESPOND, reply due: true");
    }

    @Test
    void runsSeveralHostMiddlewareBeforeOneStepInTheOrderAdded() throws Exception {
        List<String> seen = new ArrayList<>();
        Pipeline pipeline = fixture.builder().responder(request -> Reply.silence())
                .middleware(Step.STATUS, (ctx, next) -> {
                    seen.add("first");
                    next.proceed();
                })
                .middleware(Step.STATUS, (ctx, next) -> {
                    seen.add("second");
                    next.proceed();
                })
                .build();

        fixture.process(pipeline, fixture.message("m1", "hi"));

        assertThat(seen).containsExactly("first", "second");
    }

    @Test
    void rejectsMiddlewareThatProceedsTwice() {
        Pipeline pipeline = fixture.builder().responder(request -> Reply.silence())
                .middleware(Step.OWNERSHIP, (ctx, next) -> {
                    next.proceed();
                    next.proceed();
                })
                .build();

        assertThatThrownBy(() -> fixture.process(pipeline, fixture.message("m1", "hi")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("called twice");
    }

    @Test
    void stopsTheChainWhenMiddlewareDoesNotProceed() throws Exception {
        Pipeline pipeline = fixture.builder().responder(request -> Reply.silence())
                .middleware(Step.RECORD, (ctx, next) -> { })
                .build();

        fixture.process(pipeline, fixture.message("m1", "hi"));

        assertThat(history()).isEmpty();
        assertThat(fixture.stores.conversations().find(TENANT, KEY)).isEmpty();
    }

    @Test
    void passesAttributesToLaterMiddleware() throws Exception {
        AttributeKey<String> language = AttributeKey.of("language", String.class);
        List<String> seen = new ArrayList<>();
        Pipeline pipeline = fixture.builder().responder(request -> Reply.silence())
                .middleware(Step.RECORD, (ctx, next) -> {
                    ctx.attribute(language, "pt");
                    next.proceed();
                })
                .middleware(Step.RESPOND, (ctx, next) -> {
                    seen.add(ctx.attribute(language).orElse("none"));
                    next.proceed();
                })
                .build();

        fixture.process(pipeline, fixture.message("m1", "hi"));

        assertThat(seen).containsExactly("pt");
    }

    @Test
    void sendsFromMiddlewareOnceWhenTheEntryRunsAgain() throws Exception {
        // given
        Pipeline pipeline = fixture.builder().responder(request -> Reply.silence())
                .middleware(Step.RECORD, (ctx, next) -> {
                    ctx.send(new Text("We are closed today."));
                    next.proceed();
                })
                .build();
        fixture.stores.inbox().append(TENANT, List.of(fixture.message("m1", "hi")), fixture.clock.instant());
        var entry = fixture.stores.inbox().claim("test", 1, Duration.ofMinutes(1), fixture.clock.instant()).get(0);

        // when
        pipeline.process(entry);
        pipeline.process(entry);

        // then
        assertThat(fixture.stores.outbox().list(TENANT, OutboxState.PENDING, 10)).hasSize(1);
        assertThat(history()).extracting(m -> m.text().orElse("")).containsExactlyInAnyOrder("hi", "We are closed today.");
    }

    private List<MessageRecord> history() {
        return fixture.stores.messages().history(TENANT, KEY, 50);
    }
}
