package dev.conversa;

import dev.conversa.agent.ReplyRefusedException.Rule;
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
 *   <li>The person's consent: while they stand opted out of everything (STOP, on any of their
 *       linked identities), no automated message goes: nothing the bot wrote, no template, no
 *       marker. The one exception is a person's ({@link Author#AGENT}) message, not a template,
 *       answering a message the person wrote after opting out. The confirmation of the keyword
 *       itself is not checked (the caller passes no opt-out for it).
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

    /** How a refusal because of an opt-out starts. */
    static final String OPTED_OUT = "refused: the person opted out";

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
        return refusal(message, conversation, capabilities, Optional.empty(), now);
    }

    /**
     * Tells why a message must not be sent now, to a person who may have opted out.
     *
     * @param message the message
     * @param conversation the conversation as stored now, if any
     * @param capabilities the channel's capabilities
     * @param optedOutAt when the person's standing opt-out of everything was given, if any
     * @param now the current time
     * @return the reason, without personal data, or empty if it may go
     */
    static Optional<String> refusal(OutboundMessage message, Optional<Conversation> conversation,
            ChannelCapabilities capabilities, Optional<Instant> optedOutAt, Instant now) {
        return check(message, conversation, capabilities, optedOutAt, now).map(Refusal::reason);
    }

    /**
     * Tells which rule refuses a message now, and why.
     *
     * @param message the message
     * @param conversation the conversation as stored now, if any
     * @param capabilities the channel's capabilities
     * @param optedOutAt when the person's standing opt-out of everything was given, if any
     * @param now the current time
     * @return the rule and the reason, without personal data, or empty if it may go
     */
    static Optional<Refusal> check(OutboundMessage message, Optional<Conversation> conversation,
            ChannelCapabilities capabilities, Optional<Instant> optedOutAt, Instant now) {
        Optional<String> taken = Ownership.botMessageRefusal(message, conversation);
        if (taken.isPresent()) {
            return Optional.of(new Refusal(Rule.TAKEN_OVER, taken.get()));
        }
        if (optedOutAt.isPresent()) {
            Optional<String> optedOut = consentRefusal(message, conversation, optedOutAt.get());
            if (optedOut.isPresent()) {
                return Optional.of(new Refusal(Rule.OPTED_OUT, optedOut.get()));
            }
        }
        if (message.content() instanceof Template && capabilities.templates()) {
            return Optional.empty();
        }
        String onlyTemplates = capabilities.templates() ? "; only a template may be sent" : "";
        Optional<Instant> lastInbound = conversation.flatMap(Conversation::lastInboundAt);
        if (lastInbound.isEmpty()) {
            return Optional.of(new Refusal(Rule.NO_CUSTOMER_MESSAGE,
                    "refused: the customer has not written yet" + onlyTemplates));
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
            return Optional.of(new Refusal(Rule.REPLY_WINDOW, outside + onlyTemplates));
        }
        if (since.compareTo(agentWindow.get()) > 0) {
            return Optional.of(new Refusal(Rule.HUMAN_AGENT_WINDOW, "refused: outside the channel's human agent "
                    + "window of " + agentWindow.get().toHours() + " hours since the customer's last message"
                    + onlyTemplates));
        }
        if (message.author() != Author.AGENT) {
            return Optional.of(new Refusal(Rule.REPLY_WINDOW, outside + "; only a person may still answer, within "
                    + "the human agent window of " + agentWindow.get().toHours() + " hours"));
        }
        return Optional.empty();
    }

    /**
     * Why a message may not go now.
     *
     * @param rule the rule that refuses it
     * @param reason the reason, without personal data
     */
    record Refusal(Rule rule, String reason) {
    }

    private static Optional<String> consentRefusal(OutboundMessage message, Optional<Conversation> conversation,
            Instant optedOutAt) {
        if (message.author() != Author.AGENT) {
            return Optional.of(OPTED_OUT + " (STOP); no automated message goes until they opt in again");
        }
        if (message.content() instanceof Template) {
            return Optional.of(OPTED_OUT + " (STOP); no template goes until they opt in again");
        }
        boolean wroteSince = conversation.flatMap(Conversation::lastInboundAt)
                .filter(last -> last.isAfter(optedOutAt)).isPresent();
        return wroteSince ? Optional.empty() : Optional.of(OPTED_OUT + " (STOP); a person may answer only a "
                + "message they write after it");
    }
}
