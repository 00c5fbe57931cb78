package dev.conversa;

import dev.conversa.channel.ChannelCapabilities;
import dev.conversa.conversation.internal.Ownership;
import dev.conversa.model.Author;
import dev.conversa.model.Conversation;
import dev.conversa.model.OutboundMessage;
import dev.conversa.model.Template;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The send gate, the one place that decides whether a message may go now: checked by the outbox
 * worker just before each send (bot replies, middleware sends, agent and host sends through
 * {@code Conversa.send} alike), because a person may have taken over, or the window may have
 * closed, while the message waited.
 *
 * <ol>
 *   <li>Who holds the conversation: a bot message is discarded while a person holds it or it
 *       was closed ({@link Ownership#botMessageRefusal}).
 *   <li>The channel's reply window, from its {@link ChannelCapabilities}: a template goes any
 *       time on a channel that has them; anything else needs a message from the customer within
 *       {@link ChannelCapabilities#replyWindow()}; a person's message (not a marker) may still go
 *       within {@link ChannelCapabilities#humanAgentWindow()} when the channel has one. How the
 *       channel labels such a message (Messenger's {@code HUMAN_AGENT} tag) is the adapter's
 *       choice.
 * </ol>
 * Reasons name no personal data.
 */
final class SendGate {

    private SendGate() {
    }

    /**
     * Tells why a message must not be sent now.
     *
     * @param message the message
     * @param conversation the conversation as stored now, if any
     * @param capabilities the channel's capabilities
     * @param now the current time
     * @return the reason, without personal data, or empty if it may go
     */
    static Optional<String> refusal(OutboundMessage message, Optional<Conversation> conversation,
            ChannelCapabilities capabilities, Instant now) {
        Optional<String> taken = Ownership.botMessageRefusal(message, conversation);
        if (taken.isPresent()) {
            return taken;
        }
        if (message.content() instanceof Template && capabilities.templates()) {
            return Optional.empty();
        }
        String onlyTemplates = capabilities.templates() ? "; only a template may be sent" : "";
        Optional<Instant> lastInbound = conversation.flatMap(Conversation::lastInboundAt);
        if (lastInbound.isEmpty()) {
            return Optional.of("refused: the customer has not written yet" + onlyTemplates);
        }
        Duration since = Duration.between(lastInbound.get(), now);
        Duration replyWindow = capabilities.replyWindow();
        if (since.compareTo(replyWindow) <= 0) {
            return Optional.empty();
        }
        String outside = "refused: outside the channel's reply window of " + replyWindow.toHours()
                + " hours since the customer's last message";
        Optional<Duration> agentWindow = capabilities.humanAgentWindow();
        if (agentWindow.isEmpty() || !message.content().isMessage()) {
            return Optional.of(outside + onlyTemplates);
        }
        if (since.compareTo(agentWindow.get()) > 0) {
            return Optional.of("refused: outside the channel's human agent window of " + agentWindow.get().toHours()
                    + " hours since the customer's last message" + onlyTemplates);
        }
        if (message.author() != Author.AGENT) {
            return Optional.of(outside + "; only a person may still answer, within the human agent window of "
                    + agentWindow.get().toHours() + " hours");
        }
        return Optional.empty();
    }
}
