package dev.conversa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.conversa.lang.Secret;
import dev.conversa.model.Text;
import dev.conversa.respond.Reply;
import dev.conversa.respond.TurnBudget;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The turn budget set on {@link Conversa.Builder} holds with the running dispatcher (16 workers):
 * a signed flood from one sender gets the budget of responder calls and one notice; another
 * sender is answered (issue #14; figures in {@code docs/reliability.md}).
 */
class TurnBudgetEndToEndTest {

    private static final String NOTICE = "Too many messages; we answer again later.";

    private final AtomicInteger calls = new AtomicInteger();

    @Test
    void aFloodThroughTheWebhookGetsTheBudgetOfTurnsAndOneNotice() {
        try (TestBed bed = new TestBed(builder -> builder
                .burstQuietWindow(Duration.ZERO)
                .turnBudget(TurnBudget.builder().perSender(3).notice(NOTICE).build())
                .responder(request -> {
                    calls.incrementAndGet();
                    return Reply.text("re: " + request.conversation().key().contactId());
                }))) {
            // when: alice sends 25 signed messages, each waited for; then bob writes once
            for (int i = 0; i < 25; i++) {
                bed.deliver("alice-" + i, "alice", "message " + i);
                bed.awaitIdle();
            }
            bed.deliver("bob-0", "bob", "hello");
            bed.awaitIdle();

            // then
            assertThat(calls).hasValue(4);
            assertThat(bed.channel.sent(Text.class)).extracting(Text::body)
                    .containsExactly("re: alice", "re: alice", "re: alice", NOTICE, "re: bob");
        }
    }

    @Test
    void theBuilderRejectsANullBudget() {
        assertThatThrownBy(() -> Conversa.builder().appSecret(Secret.of("s")).turnBudget(null))
                .isInstanceOf(NullPointerException.class).hasMessage("turnBudget");
    }
}
