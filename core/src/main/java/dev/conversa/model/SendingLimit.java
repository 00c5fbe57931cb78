package dev.conversa.model;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What a business account may send, as the channel last said (a WhatsApp Business Account
 * banned, restricted or reinstated): replies to customers, templates (business-initiated
 * messages), both or neither, until when, and why. A limit that allows both is no limit
 * ({@link #isNone()}): it lifts an earlier one.
 *
 * @param replies whether messages answering customers may go
 * @param templates whether templates (business-initiated messages) may go
 * @param until when the limit ends, when the channel said
 * @param reason why, in the channel's terms (such as {@code "account_update DISABLED_UPDATE DISABLE"}),
 *     naming no personal data; shown in the refusal of every send it stops
 */
public record SendingLimit(boolean replies, boolean templates, Optional<Instant> until, String reason) {

    /** Checks the fields are not null. */
    public SendingLimit {
        Objects.requireNonNull(until, "until");
        Objects.requireNonNull(reason, "reason");
    }

    /**
     * A limit that allows everything: lifts an earlier one.
     *
     * @param reason why it was lifted
     * @return the limit
     */
    public static SendingLimit none(String reason) {
        return new SendingLimit(true, true, Optional.empty(), reason);
    }

    /**
     * Whether this limit allows everything.
     *
     * @return true when replies and templates may go
     */
    public boolean isNone() {
        return replies && templates;
    }

    /**
     * Whether this limit stops a message now.
     *
     * @param template whether the message is a template
     * @param now the current time
     * @return true if the message must not go
     */
    public boolean stops(boolean template, Instant now) {
        if (until.filter(end -> !end.isAfter(now)).isPresent()) {
            return false;
        }
        return template ? !templates : !replies;
    }
}
