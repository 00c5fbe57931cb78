package dev.conversa.conversation;

import dev.conversa.channel.ChannelAccount;
import dev.conversa.model.ConversationKey;
import dev.conversa.model.ConversationState;
import dev.conversa.model.TenantId;
import java.util.Objects;
import java.util.Optional;

/**
 * Who answers a conversation changed, and was stored.
 *
 * @param tenant the business
 * @param conversation the conversation
 * @param from the state before
 * @param to the state now
 * @param origin what caused the change
 * @param account the business account of the conversation, when registered (for listeners that
 *     call the channel, such as the Messenger handover protocol)
 * @param agent the id of the agent who made the change, for {@link Origin#AGENT}; otherwise empty
 */
public record StateChange(
        TenantId tenant, ConversationKey conversation, ConversationState from, ConversationState to, Origin origin,
        Optional<ChannelAccount> account, Optional<String> agent) {

    /** Checks the fields are not null. */
    public StateChange {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(conversation, "conversation");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(agent, "agent");
    }

    /**
     * A change made by no agent.
     *
     * @param tenant the business
     * @param conversation the conversation
     * @param from the state before
     * @param to the state now
     * @param origin what caused the change
     * @param account the business account of the conversation, when registered
     */
    public StateChange(TenantId tenant, ConversationKey conversation, ConversationState from, ConversationState to,
            Origin origin, Optional<ChannelAccount> account) {
        this(tenant, conversation, from, to, origin, account, Optional.empty());
    }

    /**
     * Tells whether a person took the conversation from the bot.
     *
     * @return true when the bot could speak before and cannot now
     */
    public boolean botStepsBack() {
        return from.botMaySpeak() && !to.botMaySpeak() && to != ConversationState.CLOSED;
    }

    /**
     * Tells whether the bot got the conversation back from a person.
     *
     * @return true when the bot could not speak before and can now
     */
    public boolean botResumes() {
        return !from.botMaySpeak() && to.botMaySpeak();
    }

    /** What caused a change of state. */
    public enum Origin {
        /** The responder handed the conversation to a person. */
        RESPONDER,
        /** The host (an agent inbox, an API call) changed it through {@code Conversa.conversations()}. */
        HOST,
        /**
         * An agent changed it through {@code Conversa.agents()}: took, transferred, released or
         * closed it; {@link StateChange#agent()} names the agent.
         */
        AGENT,
        /**
         * Conversa itself, by a queue's SLA ({@code SlaPolicy}): a conversation that waited too
         * long went back to the bot, or an agent who did not answer in time lost it to the queue.
         */
        SYSTEM,
        /**
         * The customer wrote again in a {@code CLOSED} conversation, which reopened to the bot.
         */
        CUSTOMER,
        /**
         * The channel said so: the business answered from elsewhere, or another app took or
         * passed thread control. Listeners must not answer these with channel calls of their own,
         * which would loop.
         */
        CHANNEL
    }
}
