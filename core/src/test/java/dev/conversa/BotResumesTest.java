package dev.conversa;

import static dev.conversa.TestBed.TENANT;
import static dev.conversa.TestBed.key;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.conversa.model.Author;
import dev.conversa.model.ConversationState;
import dev.conversa.model.OutboundMessage;
import dev.conversa.model.Text;
import dev.conversa.respond.Reply;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class BotResumesTest {

    private final TestBed bed = new TestBed(builder -> builder
            .responder(request -> Reply.text("Bot answers: " + request.latestText())));

    @AfterEach
    void closeBed() {
        bed.close();
    }

    @Test
    void answersWhatTheCustomerWroteWhileAPersonHeldTheConversation() {
        // given
        bed.deliver("m1", "alice", "hello");
        await().until(() -> bed.stores.conversations().find(TENANT, key("alice")).isPresent());
        bed.conversa.conversations().changeState(TENANT, key("alice"), ConversationState.WITH_AGENT);
        bed.deliver("m2", "alice", "anyone there?");
        bed.clock.advance(Duration.ofSeconds(2));
        bed.awaitIdle();
        assertThat(bed.channel.sent(Text.class)).isEmpty();

        // when
        bed.conversa.conversations().changeState(TENANT, key("alice"), ConversationState.BOT);

        // then
        await().untilAsserted(() -> assertThat(bed.channel.sent(Text.class))
                .containsExactly(new Text("Bot answers: hello\nanyone there?")));
    }

    @Test
    void staysQuietWhenThePersonAnsweredLast() {
        // given
        bed.deliver("m1", "alice", "hello");
        await().until(() -> bed.stores.conversations().find(TENANT, key("alice")).isPresent());
        bed.conversa.conversations().changeState(TENANT, key("alice"), ConversationState.WITH_AGENT);
        bed.conversa.send(TENANT, OutboundMessage.text(key("alice"), "Hi, Sam here").by(Author.AGENT));
        await().until(() -> bed.channel.sent(Text.class).size() == 1);
        bed.clock.advance(Duration.ofSeconds(2));
        bed.awaitIdle();

        // when
        bed.conversa.conversations().changeState(TENANT, key("alice"), ConversationState.BOT);
        bed.awaitIdle();

        // then
        assertThat(bed.channel.sent(Text.class)).containsExactly(new Text("Hi, Sam here"));
    }
}
