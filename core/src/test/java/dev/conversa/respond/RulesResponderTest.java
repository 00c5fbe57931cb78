package dev.conversa.respond;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.conversa.channel.ChannelCapabilities;
import dev.conversa.model.Author;
import dev.conversa.model.ChannelType;
import dev.conversa.model.Conversation;
import dev.conversa.model.ConversationKey;
import dev.conversa.model.DeliveryStatus;
import dev.conversa.model.Direction;
import dev.conversa.model.MessageRecord;
import dev.conversa.model.TenantId;
import dev.conversa.model.Text;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class RulesResponderTest {

    private static final TenantId TENANT = TenantId.of("shop");
    private static final ConversationKey KEY = new ConversationKey(ChannelType.WHATSAPP, "acct", "customer");
    private static final Instant NOW = Instant.parse("2026-01-01T10:00:00Z");

    private final RulesResponder rules = RulesResponder.builder()
            .greeting("Welcome!")
            .answer("We open at nine.", "opening hours", "open")
            .answer("Shipping takes two days.", "shipping", "delivery")
            .handoffKeywords("agent", "human")
            .handoffMessage("A colleague will answer.")
            .fallback("Sorry, I did not get that.")
            .build();

    @Test
    void answersKeywordIgnoringCase() {
        Reply reply = rules.respond(request(false, "When do you OPEN?"));

        assertThat(reply).isEqualTo(new Reply.Answer(List.of(new Text("We open at nine."))));
    }

    @Test
    void matchesWholeWordsOnly() {
        Reply reply = rules.respond(request(false, "I reopened the box"));

        assertThat(reply).isEqualTo(Reply.text("Sorry, I did not get that."));
    }

    @Test
    void matchesKeywordOfSeveralWordsAsPhrase() {
        RulesResponder phraseOnly = RulesResponder.builder().answer("Nine to five.", "opening hours").build();

        assertThat(phraseOnly.respond(request(false, "your opening  hours please"))).isEqualTo(Reply.text("Nine to five."));
        assertThat(phraseOnly.respond(request(false, "hours of opening"))).isEqualTo(Reply.silence());
    }

    @Test
    void firstMatchingRuleAnswers() {
        Reply reply = rules.respond(request(false, "shipping and opening hours"));

        assertThat(reply).isEqualTo(Reply.text("We open at nine."));
    }

    @Test
    void greetsOnFirstMessageBeforeTheAnswer() {
        Reply reply = rules.respond(request(true, "delivery?"));

        assertThat(reply).isEqualTo(new Reply.Answer(List.of(new Text("Welcome!"), new Text("Shipping takes two days."))));
    }

    @Test
    void greetsAloneWhenFirstMessageMatchesNothing() {
        Reply reply = rules.respond(request(true, "hello"));

        assertThat(reply).isEqualTo(Reply.text("Welcome!"));
    }

    @Test
    void handsOffWhenCustomerAsksForAPerson() {
        Reply reply = rules.respond(request(false, "can I talk to a Human please"));

        assertThat(reply).isEqualTo(new Reply.Handoff(Optional.of("A colleague will answer."),
                "the customer asked for a person"));
    }

    @Test
    void staysSilentWithoutFallbackWhenNothingMatches() {
        RulesResponder bare = RulesResponder.builder().answer("Yes.", "yes").build();

        assertThat(bare.respond(request(false, "maybe"))).isEqualTo(Reply.silence());
    }

    @Test
    void readsRulesFromProperties() {
        // given
        Properties properties = new Properties();
        properties.setProperty("fallback", "Pardon?");
        properties.setProperty("handoff.keywords", "agent, person");
        properties.setProperty("answer.a-hours.keywords", "hours");
        properties.setProperty("answer.a-hours.text", "Nine to five.");
        properties.setProperty("answer.b-price.keywords", "price, cost");
        properties.setProperty("answer.b-price.text", "Ten euros.");

        // when
        RulesResponder fromFile = RulesResponder.fromProperties(properties);

        // then
        assertThat(fromFile.respond(request(false, "what does it cost"))).isEqualTo(Reply.text("Ten euros."));
        assertThat(fromFile.respond(request(false, "hours?"))).isEqualTo(Reply.text("Nine to five."));
        assertThat(fromFile.respond(request(false, "a person"))).isInstanceOf(Reply.Handoff.class);
        assertThat(fromFile.respond(request(false, "xyz"))).isEqualTo(Reply.text("Pardon?"));
    }

    @Test
    void rejectsPropertiesAnswerWithoutText() {
        Properties properties = new Properties();
        properties.setProperty("answer.hours.keywords", "hours");

        assertThatThrownBy(() -> RulesResponder.fromProperties(properties))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("answer.hours.text");
    }

    @Test
    void rejectsKeywordWithoutLetters() {
        assertThatThrownBy(() -> RulesResponder.builder().answer("Yes.", "?!").build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("keyword");
    }

    private static ResponderRequest request(boolean firstContact, String customerText) {
        List<MessageRecord> history = new ArrayList<>();
        if (!firstContact) {
            history.add(record("m0", Direction.INBOUND, Author.CUSTOMER, "earlier"));
            history.add(record("m1", Direction.OUTBOUND, Author.BOT, "earlier answer"));
        }
        history.add(record("m2", Direction.INBOUND, Author.CUSTOMER, customerText));
        return new ResponderRequest(Conversation.open(TENANT, KEY, NOW), Optional.empty(), history, capabilities());
    }

    private static MessageRecord record(String id, Direction direction, Author author, String text) {
        return new MessageRecord(TENANT, KEY, id, direction, author, "text", Optional.of(text), DeliveryStatus.DELIVERED,
                NOW);
    }

    private static ChannelCapabilities capabilities() {
        return ChannelCapabilities.builder()
                .maxTextLength(4096)
                .maxButtons(3)
                .maxButtonTitleLength(20)
                .maxListRows(10)
                .templates(true)
                .reactions(true)
                .typingIndicator(true)
                .readReceipts(true)
                .replyWindow(Duration.ofHours(24))
                .build();
    }
}
