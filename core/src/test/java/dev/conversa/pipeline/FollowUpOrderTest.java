package dev.conversa.pipeline;

import static dev.conversa.pipeline.PipelineFixture.KEY;
import static dev.conversa.pipeline.PipelineFixture.TENANT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.conversa.model.Direction;
import dev.conversa.model.Echo;
import dev.conversa.model.EventHeader;
import dev.conversa.model.InboundMessage;
import dev.conversa.model.MessageContext;
import dev.conversa.model.MessageRecord;
import dev.conversa.model.SenderProfile;
import dev.conversa.model.Text;
import dev.conversa.respond.Reply;
import dev.conversa.respond.ResponderRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A follow-up written right after the bot's reply can carry an earlier channel time than the
 * reply (WhatsApp's times are whole seconds from Meta's clock); it must still count as unanswered,
 * and it, like a person's echo, must follow the reply in the history.
 */
class FollowUpOrderTest {

    private final PipelineFixture fixture = new PipelineFixture();
    private final List<ResponderRequest> requests = new ArrayList<>();
    private final Pipeline pipeline = fixture.builder().burstQuietWindow(Duration.ofSeconds(1))
            .responder(request -> {
                requests.add(request);
                return Reply.text("Answer " + requests.size());
            })
            .build();

    @Test
    void answersAFollowUpWhoseChannelTimeIsBeforeTheBotsReply() throws Exception {
        // given
        Instant first = fixture.clock.instant();
        answeredFirstMessageAt(first);

        // when
        fixture.process(pipeline, messageAt("m2", "and in blue?", first.plusSeconds(1)));
        fixture.clock.advance(Duration.ofSeconds(2));
        fixture.runDue(pipeline);

        // then
        assertThat(requests).extracting(ResponderRequest::latestText).containsExactly("size M?", "and in blue?");
    }

    @Test
    void recordsAFollowUpAfterTheBotsReplyItArrivedAfter() throws Exception {
        // given
        Instant first = fixture.clock.instant();
        answeredFirstMessageAt(first);

        // when
        fixture.process(pipeline, messageAt("m2", "and in blue?", first.plusSeconds(1)));

        // then
        assertThat(fixture.stores.messages().history(TENANT, KEY, 10))
                .extracting(MessageRecord::direction, MessageRecord::text)
                .containsExactly(
                        tuple(Direction.INBOUND, Optional.of("size M?")),
                        tuple(Direction.OUTBOUND, Optional.of("Answer 1")),
                        tuple(Direction.INBOUND, Optional.of("and in blue?")));
    }

    @Test
    void recordsAnEchoFromElsewhereAfterTheBotsReplyItArrivedAfter() throws Exception {
        // given
        Instant first = fixture.clock.instant();
        answeredFirstMessageAt(first);

        // when
        fixture.process(pipeline, new Echo(new EventHeader(KEY.channel(), KEY.accountId(), KEY.contactId(), "e1",
                first.plusSeconds(1)), new Text("Sam here"), Optional.empty(), Optional.empty()));

        // then
        assertThat(fixture.stores.messages().history(TENANT, KEY, 10)).extracting(MessageRecord::text)
                .containsExactly(Optional.of("size M?"), Optional.of("Answer 1"), Optional.of("Sam here"));
    }

    private void answeredFirstMessageAt(Instant time) throws Exception {
        fixture.process(pipeline, messageAt("m1", "size M?", time));
        fixture.clock.advance(Duration.ofMillis(1500));
        fixture.runDue(pipeline);
        assertThat(requests).hasSize(1);
    }

    private static InboundMessage messageAt(String id, String text, Instant time) {
        return new InboundMessage(new EventHeader(KEY.channel(), KEY.accountId(), KEY.contactId(), id, time),
                new Text(text), MessageContext.NONE,
                new SenderProfile(Optional.of("Alice"), Optional.empty(), Optional.empty()));
    }
}
