package dev.conversa.model;

import java.util.Objects;
import java.util.Optional;

/**
 * Meta warned, blocked or unblocked the business account for its messaging policies (Messenger's
 * {@code messaging_policy_enforcement}). It concerns the account, not a customer: the contact id
 * is the account id. While an account stands blocked, Conversa sends nothing for it.
 *
 * @param header where, which id, when; {@code contactId} is the account id
 * @param action what Meta did
 * @param reason why, as Meta wrote it; absent for an unblock
 * @see <a href="https://developers.facebook.com/docs/messenger-platform/reference/webhook-events/messaging_policy_enforcement">messaging_policy_enforcement</a>
 */
public record PolicyEnforcement(EventHeader header, Action action, Optional<String> reason) implements InboundEvent {

    /** Checks the fields are not null. */
    public PolicyEnforcement {
        Objects.requireNonNull(header, "header");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(reason, "reason");
    }

    @Override
    public String kind() {
        return "policy_enforcement";
    }

    /** What Meta did to the account. */
    public enum Action {
        /** A warning: the account may still send, but a block may follow. */
        WARNING,
        /** The account may no longer send messages. */
        BLOCK,
        /** A block was lifted. */
        UNBLOCK
    }
}
