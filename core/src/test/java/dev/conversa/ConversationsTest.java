package dev.conversa;

import static dev.conversa.TestBed.TENANT;
import static dev.conversa.TestBed.key;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.conversa.model.Conversation;
import dev.conversa.model.ConversationState;
import dev.conversa.model.MessageRecord;
import dev.conversa.model.TenantId;
import dev.conversa.model.Text;
import dev.conversa.respond.Reply;
import java.time.Duration;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ConversationsTest {

    private final TestBed bed = new TestBed(builder -> builder.responder(request -> Reply.text("bot")));

    @AfterEach
    void closeBed() {
        bed.close();
    }

    @Test
    void listsConversationsAndTheirMessages() {
        bed.deliver("m1", "alice", "hello");
        bed.deliver("m2", "bob", "hi");

        await().until(() -> bed.conversa.conversations().list(TENANT, 10).size() == 2);
        await().until(() -> bed.conversa.conversations().messages(TENANT, key("bob"), 10).size() == 1);
        assertThat(bed.conversa.conversations().messages(TENANT, key("bob"), 10))
                .extracting(MessageRecord::messageId).containsExactly("m2");
        assertThat(bed.conversa.conversations().list(TENANT, ConversationState.BOT, 10)).hasSize(2);
    }

    @Test
    void silencesTheBotWhenAPersonTakesOverAndLetsItSpeakWhenHandedBack() {
        // given
        bed.deliver("m1", "alice", "hello");
        await().until(() -> bed.conversa.conversations().find(TENANT, key("alice"))
                .flatMap(Conversation::replyDueAt).isPresent());

        // when
        Conversation taken = bed.conversa.conversations().changeState(TENANT, key("alice"),
                ConversationState.WITH_AGENT);
        bed.clock.advance(Duration.ofSeconds(2));
        await().until(() -> bed.stores.inbox().pendingCount() == 0);
        boolean silentWhileTaken = bed.channel.sent(Text.class).isEmpty();
        bed.conversa.conversations().changeState(TENANT, key("alice"), ConversationState.BOT);

        // then: the bot answers what waited while the person held the conversation
        assertThat(taken.replyDueAt()).isEmpty();
        assertThat(silentWhileTaken).isTrue();
        await().untilAsserted(() -> assertThat(bed.channel.sent(Text.class)).containsExactly(new Text("bot")));
    }

    @Test
    void refusesToChangeAConversationOfAnotherTenant() {
        bed.deliver("m1", "alice", "hello");
        await().until(() -> bed.conversa.conversations().find(TENANT, key("alice")).isPresent());

        assertThatThrownBy(() -> bed.conversa.conversations().changeState(TenantId.of("other"), key("alice"),
                ConversationState.WITH_AGENT))
                .isInstanceOf(NoSuchElementException.class);
    }
}
