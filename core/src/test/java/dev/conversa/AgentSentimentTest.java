package dev.conversa;

import static dev.conversa.TestBed.TENANT;
import static dev.conversa.TestBed.key;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.conversa.model.MessageRecord;
import dev.conversa.respond.Reply;
import dev.conversa.respond.Responder;
import dev.conversa.respond.ResponderRequest;
import dev.conversa.respond.RulesResponder;
import dev.conversa.respond.Sentiment;
import dev.conversa.respond.SentimentReading;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** {@code conversa.agents().sentiment(...)} asks the responder, and says plainly when it reads none. */
class AgentSentimentTest {

    @Test
    void theRulesResponderGivesNoSentimentAndSaysWhy() {
        try (TestBed bed = new TestBed(builder -> builder.responder(RulesResponder.builder().fallback("hi").build()))) {
            bed.deliver("m-1", "alice", "my order is late!");
            await().until(() -> !bed.stores.messages().history(TENANT, key("alice"), 10).isEmpty());

            SentimentReading reading = bed.conversa.agents().sentiment(TENANT, key("alice"));

            assertThat(reading.sentiment()).isEmpty();
            assertThat(reading.unavailable()).hasValueSatisfying(why -> assertThat(why)
                    .contains("the rules responder reads no sentiment"));
        }
    }

    @Test
    void aResponderThatReadsSentimentGetsTheConversationsHistory() {
        List<List<MessageRecord>> asked = new CopyOnWriteArrayList<>();
        Responder reading = new Responder() {
            @Override
            public Reply respond(ResponderRequest request) {
                return Reply.text("ok");
            }

            @Override
            public SentimentReading sentiment(ResponderRequest request) {
                asked.add(request.history());
                return SentimentReading.of(new Sentiment(Sentiment.Label.NEGATIVE, "late order", "says it is late"));
            }
        };
        try (TestBed bed = new TestBed(builder -> builder.responder(reading))) {
            bed.deliver("m-1", "alice", "my order is late!");
            await().until(() -> !bed.stores.messages().history(TENANT, key("alice"), 10).isEmpty());

            SentimentReading result = bed.conversa.agents().sentiment(TENANT, key("alice"));

            assertThat(result.sentiment()).map(Sentiment::label).contains(Sentiment.Label.NEGATIVE);
            assertThat(asked).singleElement().satisfies(history -> assertThat(history)
                    .extracting(m -> m.text().orElse("")).contains("my order is late!"));
        }
    }

    @Test
    void anUnknownConversationIsRefused() {
        try (TestBed bed = new TestBed(builder -> builder)) {
            assertThatThrownBy(() -> bed.conversa.agents().sentiment(TENANT, key("nobody")))
                    .isInstanceOf(NoSuchElementException.class);
        }
    }
}
