package dev.conversa;

import static dev.conversa.TestBed.TENANT;
import static dev.conversa.TestBed.key;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.conversa.agent.AgentQueue;
import dev.conversa.agent.Assignment;
import dev.conversa.agent.HandoffKeywords;
import dev.conversa.model.ConversationState;
import dev.conversa.model.Text;
import dev.conversa.respond.Reply;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Handoff keywords on the running runtime: a whole-message keyword hands off without the responder. */
class KeywordHandoffTest {

    private final AtomicInteger asked = new AtomicInteger();
    private final TestBed bed = new TestBed(builder -> builder
            .handoffKeywords(HandoffKeywords.defaults())
            .responder(request -> {
                asked.incrementAndGet();
                return Reply.text("bot");
            }));

    @AfterEach
    void closeBed() {
        bed.close();
    }

    private void deliverAndLetTheReplyFallDue(String contact, String text) {
        bed.deliver("m-" + contact, contact, text);
        await().until(() -> bed.stores.conversations().find(TENANT, key(contact))
                .flatMap(c -> c.replyDueAt()).isPresent());
        bed.clock.advance(Duration.ofSeconds(2));
    }

    @Test
    void aKeywordHandsTheConversationToTheDefaultQueueWithoutAskingTheResponder() {
        bed.conversa.agents().saveQueue(AgentQueue.of(TENANT, "support", "Support").asDefault());

        deliverAndLetTheReplyFallDue("alice", "¡Asesor!");

        await().until(() -> bed.conversa.agents().assignment(TENANT, key("alice")).isPresent());
        assertThat(bed.conversa.agents().assignment(TENANT, key("alice"))).map(Assignment::queue)
                .contains("support");
        assertThat(bed.conversa.conversations().find(TENANT, key("alice")).orElseThrow().state())
                .isEqualTo(ConversationState.WAITING_FOR_AGENT);
        bed.awaitIdle();
        assertThat(asked).hasValue(0);
        assertThat(bed.channel.sent(Text.class)).isEmpty();
    }

    @Test
    void aKeywordMessageCoalescedWithAnotherStillHandsOff() {
        bed.deliver("m-carol-1", "carol", "hello");
        bed.deliver("m-carol-2", "carol", "Atendente");
        await().until(() -> bed.stores.messages().history(TENANT, key("carol"), 10).size() == 2);
        bed.clock.advance(Duration.ofSeconds(2));

        await().until(() -> bed.conversa.agents().assignment(TENANT, key("carol")).isPresent());
        assertThat(asked).hasValue(0);
    }

    @Test
    void aMessageThatOnlyContainsAKeywordGoesToTheResponder() {
        deliverAndLetTheReplyFallDue("bob", "can an agent call me");

        await().until(() -> bed.channel.sent(Text.class).contains(new Text("bot")));
        assertThat(asked).hasValue(1);
        assertThat(bed.conversa.agents().assignment(TENANT, key("bob"))).isEmpty();
    }
}
