package dev.conversa;

import dev.conversa.channel.ChannelCapabilities;
import dev.conversa.model.Author;
import dev.conversa.model.Conversation;
import dev.conversa.model.ConversationState;
import dev.conversa.model.OutboundMessage;
import dev.conversa.model.Template;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The send-time half of the send gate: is it still the bot's turn, and is the channel's reply
 * window still open? Checked just before each send, because a person may have taken over, or
 * the window may have closed, while the message waited.
 *
 * <p>A bot message is discarded when a person holds the conversation ({@code WITH_AGENT}) or it
 * was closed. It still goes out in {@code WAITING_FOR_AGENT}: there the bot itself handed the
 * conversation over, and its last words (such as "a colleague will answer you") belong to that
 * handoff; new customer messages get no bot reply in that state.
 */
final class SendGateCheck {

    /** Why a message from the bot is discarded after a person took over. */
    static final String TAKEN_OVER = "discarded: a person took over the conversation, or it was closed";

    private SendGateCheck() {
    }

    private static boolean personHoldsOrClosed(Conversation conversation) {
        return conversation.state() == ConversationState.WITH_AGENT || conversation.state() == ConversationState.CLOSED;
    }

    /**
     * Tells why a message must not be sent now.
     *
     * @return the reason, without personal data, or empty if it may go
     */
    static Optional<String> refusal(OutboundMessage message, Optional<Conversation> conversation,
            ChannelCapabilities capabilities, Instant now) {
        if (message.author() == Author.BOT && conversation.filter(SendGateCheck::personHoldsOrClosed).isPresent()) {
            return Optional.of(TAKEN_OVER);
        }
        if (message.content() instanceof Template) {
            return Optional.empty();
        }
        Duration window = message.author() == Author.AGENT
                ? capabilities.humanAgentWindow().orElse(capabilities.replyWindow())
                : capabilities.replyWindow();
        Optional<Instant> lastInbound = conversation.flatMap(Conversation::lastInboundAt);
        if (lastInbound.isEmpty()) {
            return Optional.of("refused: the customer has not written yet, so only a template may be sent");
        }
        if (now.isAfter(lastInbound.get().plus(window))) {
            return Optional.of("refused: outside the channel's reply window of " + window.toHours()
                    + " hours since the customer's last message; only a template may be sent");
        }
        return Optional.empty();
    }
}
