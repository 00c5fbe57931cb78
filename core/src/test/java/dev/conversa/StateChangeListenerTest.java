package dev.conversa;

import static dev.conversa.TestBed.TENANT;
import static dev.conversa.TestBed.key;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import dev.conversa.conversation.StateChange;
import dev.conversa.model.ConversationState;
import dev.conversa.model.Echo;
import dev.conversa.model.EventHeader;
import dev.conversa.model.OutboundMessage;
import dev.conversa.model.Text;
import dev.conversa.respond.Reply;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class StateChangeListenerTest {

    private final List<StateChange> heard = new CopyOnWriteArrayList<>();
    private final List<List<Text>> textsSentWhenHeard = new CopyOnWriteArrayList<>();
    private final TestBed bed = new TestBed(builder -> builder
            .responder(request -> request.latestText().contains("agent")
                    ? new Reply.Handoff(request.latestText().contains("say bye") ? Optional.of("A colleague takes over.")
                            : Optional.empty(), "the customer asked for a person")
                    : Reply.text("ok"))
            .stateListener(change -> {
                throw new IllegalStateException("a broken listener");
            })
            .stateListener(change -> {
                heard.add(change);
                textsSentWhenHeard.add(bed().channel.sent(Text.class));
            }));
    private TestBed bed() {
        return bed;
    }

    @AfterEach
    void closeBed() {
        bed.close();
    }

    @Test
    void hearsTheResponderHandingTheConversationToAPersonWithItsAccount() {
        // given
        bed.deliver("m1", "alice", "agent please");

        // when
        await().until(() -> bed.stores.conversations().find(TENANT, key("alice")).flatMap(c -> c.replyDueAt()).isPresent());
        bed.clock.advance(Duration.ofSeconds(2));

        // then
        await().until(() -> !heard.isEmpty());
        StateChange change = heard.get(0);
        assertThat(change.from()).isEqualTo(ConversationState.BOT);
        assertThat(change.to()).isEqualTo(ConversationState.WAITING_FOR_AGENT);
        assertThat(change.origin()).isEqualTo(StateChange.Origin.RESPONDER);
        assertThat(change.botStepsBack()).isTrue();
        assertThat(change.account()).get().extracting(a -> a.accountId()).isEqualTo(TestBed.ACCOUNT);
    }

    @Test
    void recognizesTheHandoffMessageByTheOutboxFlagNotByItsKey() {
        // given: a conversation the bot handed over, with an old-style key queued without the flag
        bed.deliver("m1", "alice", "hello");
        await().until(() -> bed.stores.conversations().find(TENANT, key("alice")).isPresent());
        bed.conversa.conversations().changeState(TENANT, key("alice"), ConversationState.WAITING_FOR_AGENT);
        heard.clear();

        // when
        bed.stores.outbox().enqueue(TENANT, OutboundMessage.text(key("alice"), "one"), "handoff:1", false,
                bed.clock.instant());
        bed.stores.outbox().enqueue(TENANT, OutboundMessage.text(key("alice"), "two"), "goodbye-2", true,
                bed.clock.instant());

        // then: only the flagged entry told the listeners, after both went out in order
        await().until(() -> !heard.isEmpty());
        assertThat(bed.channel.sent(Text.class)).extracting(Text::body).containsExactly("one", "two");
        assertThat(heard).extracting(StateChange::origin, StateChange::to)
                .containsExactly(tuple(StateChange.Origin.RESPONDER, ConversationState.WAITING_FOR_AGENT));
    }

    @Test
    void hearsAHandoffWithAMessageOnlyOnceTheMessageLeftTheOutbox() {
        // given
        bed.deliver("m1", "alice", "agent please, say bye");
        await().until(() -> bed.stores.conversations().find(TENANT, key("alice")).flatMap(c -> c.replyDueAt()).isPresent());

        // when
        bed.clock.advance(Duration.ofSeconds(2));

        // then
        await().until(() -> !heard.isEmpty());
        bed.awaitIdle();
        assertThat(heard).extracting(StateChange::to).containsExactly(ConversationState.WAITING_FOR_AGENT);
        assertThat(textsSentWhenHeard).containsExactly(List.of(new Text("A colleague takes over.")));
    }

    @Test
    void hearsTheHostGivingTheConversationBackToTheBot() {
        // given
        bed.deliver("m1", "alice", "hello");
        await().until(() -> bed.stores.conversations().find(TENANT, key("alice")).isPresent());
        bed.conversa.conversations().changeState(TENANT, key("alice"), ConversationState.WITH_AGENT);

        // when
        bed.conversa.conversations().changeState(TENANT, key("alice"), ConversationState.BOT);

        // then
        assertThat(heard).extracting(StateChange::from, StateChange::to, StateChange::origin).containsExactly(
                tuple(ConversationState.BOT, ConversationState.WITH_AGENT,
                        StateChange.Origin.HOST),
                tuple(ConversationState.WITH_AGENT, ConversationState.BOT,
                        StateChange.Origin.HOST));
        assertThat(heard.get(1).botResumes()).isTrue();
    }

    @Test
    void hearsTheChannelReportingAPersonAnsweringFromElsewhere() {
        // given
        bed.deliver("m1", "alice", "hello");
        await().until(() -> bed.stores.conversations().find(TENANT, key("alice")).isPresent());

        // when
        Echo echo = new Echo(new EventHeader(bed.channel.type(), TestBed.ACCOUNT, "alice", "phone-1",
                bed.clock.instant()), new Text("I am on it"), Optional.empty(), Optional.empty());
        bed.stores.inbox().append(TENANT, List.of(echo), bed.clock.instant());

        // then
        await().until(() -> !heard.isEmpty());
        assertThat(heard).extracting(StateChange::to, StateChange::origin)
                .containsExactly(tuple(ConversationState.WITH_AGENT,
                        StateChange.Origin.CHANNEL));
    }

    @Test
    void hearsNothingWhenTheStateDoesNotChange() {
        bed.deliver("m1", "alice", "hello");
        await().until(() -> bed.stores.conversations().find(TENANT, key("alice")).isPresent());

        bed.conversa.conversations().changeState(TENANT, key("alice"), ConversationState.BOT);

        assertThat(heard).isEmpty();
    }
}
