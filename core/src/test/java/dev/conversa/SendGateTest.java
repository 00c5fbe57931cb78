package dev.conversa;

import static org.assertj.core.api.Assertions.assertThat;

import dev.conversa.channel.ChannelCapabilities;
import dev.conversa.conversation.internal.Ownership;
import dev.conversa.model.Author;
import dev.conversa.model.ChannelType;
import dev.conversa.model.Conversation;
import dev.conversa.model.ConversationKey;
import dev.conversa.model.ConversationState;
import dev.conversa.model.OutboundMessage;
import dev.conversa.model.Template;
import dev.conversa.model.TenantId;
import dev.conversa.model.Typing;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The one send gate, driven by each channel's declared window: WhatsApp's 24-hour
 * customer-service window with templates, and the Messenger Platform's 24 hours plus the 7-day
 * human agent window. The capabilities below are those the channel modules declare.
 */
class SendGateTest {

    private static final Instant LAST_INBOUND = Instant.parse("2026-03-02T09:00:00Z");
    private static final ConversationKey KEY = new ConversationKey(ChannelType.MESSENGER, "page-1", "psid-1");
    private static final ChannelCapabilities WHATSAPP = ChannelCapabilities.builder()
            .maxTextLength(4096)
            .templates(true)
            .replyWindow(Duration.ofHours(24))
            .build();
    private static final ChannelCapabilities MESSENGER = ChannelCapabilities.builder()
            .maxTextLength(2000)
            .replyWindow(Duration.ofHours(24))
            .humanAgentWindow(Duration.ofDays(7))
            .build();

    @Test
    void whatsAppRefusesAFreeFormMessageOutsideTheTwentyFourHourWindowWithAClearReason() {
        Optional<String> refusal = refusal(OutboundMessage.text(KEY, "hello"), WHATSAPP, Duration.ofHours(25));

        assertThat(refusal).contains("refused: outside the channel's reply window of 24 hours since the customer's "
                + "last message; only a template may be sent");
    }

    @Test
    void whatsAppRefusesEvenAPersonsMessageOutsideTheWindow() {
        assertThat(refusal(OutboundMessage.text(KEY, "hello").by(Author.AGENT), WHATSAPP, Duration.ofHours(25)))
                .hasValueSatisfying(reason -> assertThat(reason).contains("24 hours"));
    }

    @Test
    void whatsAppLetsAMessageGoWithinTheWindow() {
        assertThat(refusal(OutboundMessage.text(KEY, "hello"), WHATSAPP, Duration.ofHours(23))).isEmpty();
    }

    @Test
    void whatsAppLetsATemplateGoOutsideTheWindow() {
        OutboundMessage template = OutboundMessage.of(KEY, new Template("order_update", "en_US", List.of()));

        assertThat(refusal(template, WHATSAPP, Duration.ofDays(30))).isEmpty();
    }

    @Test
    void messengerLetsAPersonsMessageGoWithinTheHumanAgentWindow() {
        assertThat(refusal(OutboundMessage.text(KEY, "sorry for the wait").by(Author.AGENT), MESSENGER,
                Duration.ofDays(3))).isEmpty();
    }

    @Test
    void messengerRefusesAPersonsMessageBeyondTheHumanAgentWindow() {
        assertThat(refusal(OutboundMessage.text(KEY, "are you there?").by(Author.AGENT), MESSENGER,
                Duration.ofDays(7).plusSeconds(1)))
                .contains("refused: outside the channel's human agent window of 168 hours since the customer's last "
                        + "message");
    }

    @Test
    void messengerRefusesTheBotAfterTheStandardWindow() {
        assertThat(refusal(OutboundMessage.text(KEY, "hello again"), MESSENGER, Duration.ofHours(25)))
                .hasValueSatisfying(reason -> assertThat(reason).contains("reply window of 24 hours")
                        .contains("only a person may still answer"));
    }

    @Test
    void messengerRefusesATypingIndicatorAfterTheStandardWindowEvenForAPerson() {
        OutboundMessage typing = OutboundMessage.of(KEY, new Typing(true, Optional.empty())).by(Author.AGENT);

        assertThat(refusal(typing, MESSENGER, Duration.ofHours(30))).contains(
                "refused: outside the channel's reply window of 24 hours since the customer's last message");
    }

    @Test
    void refusesAMessageToACustomerWhoNeverWrote() {
        Conversation never = Conversation.open(TenantId.of("shop"), KEY, LAST_INBOUND);

        assertThat(SendGate.refusal(OutboundMessage.text(KEY, "hi"), Optional.of(never), MESSENGER, LAST_INBOUND))
                .contains("refused: the customer has not written yet");
    }

    @Test
    void discardsABotMessageOnceAPersonHoldsTheConversation() {
        Conversation taken = conversation().withState(ConversationState.WITH_AGENT, LAST_INBOUND);

        assertThat(SendGate.refusal(OutboundMessage.text(KEY, "hi"), Optional.of(taken), MESSENGER, LAST_INBOUND))
                .contains(Ownership.TAKEN_OVER);
    }

    @Test
    void refusesEveryBotMessageToAPersonWhoOptedOutEvenWithinTheWindow() {
        Optional<Instant> optedOut = Optional.of(LAST_INBOUND.minusSeconds(60));

        assertThat(SendGate.refusal(OutboundMessage.text(KEY, "hi"), Optional.of(conversation()), WHATSAPP, optedOut,
                LAST_INBOUND)).hasValueSatisfying(reason -> assertThat(reason).startsWith(SendGate.OPTED_OUT));
        assertThat(SendGate.refusal(OutboundMessage.of(KEY, new Typing(true, Optional.empty())),
                Optional.of(conversation()), WHATSAPP, optedOut, LAST_INBOUND)).isPresent();
    }

    @Test
    void refusesATemplateToAPersonWhoOptedOutWhoeverWroteIt() {
        OutboundMessage template = OutboundMessage.of(KEY, new Template("offer", "en_US", List.of())).by(Author.AGENT);

        assertThat(SendGate.refusal(template, Optional.of(conversation()), WHATSAPP,
                Optional.of(LAST_INBOUND.minusSeconds(60)), LAST_INBOUND))
                .hasValueSatisfying(reason -> assertThat(reason).startsWith(SendGate.OPTED_OUT));
    }

    @Test
    void letsAPersonAnswerOnlyAMessageWrittenAfterTheOptOut() {
        OutboundMessage answer = OutboundMessage.text(KEY, "It left today.").by(Author.AGENT);

        assertThat(SendGate.refusal(answer, Optional.of(conversation()), WHATSAPP,
                Optional.of(LAST_INBOUND.minusSeconds(1)), LAST_INBOUND)).isEmpty();
        assertThat(SendGate.refusal(answer, Optional.of(conversation()), WHATSAPP, Optional.of(LAST_INBOUND),
                LAST_INBOUND)).hasValueSatisfying(reason -> assertThat(reason).startsWith(SendGate.OPTED_OUT));
    }

    private static Optional<String> refusal(OutboundMessage message, ChannelCapabilities capabilities,
            Duration sinceLastInbound) {
        return SendGate.refusal(message, Optional.of(conversation()), capabilities,
                LAST_INBOUND.plus(sinceLastInbound));
    }

    private static Conversation conversation() {
        return Conversation.open(TenantId.of("shop"), KEY, LAST_INBOUND).withLastInboundAt(LAST_INBOUND, LAST_INBOUND);
    }
}
