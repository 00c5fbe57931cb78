package dev.conversa.model;

import java.util.List;
import java.util.Objects;

/**
 * The channel reported a problem that belongs to no single message (WhatsApp's change-level
 * {@code errors}). The contact id is the account id when the error concerns no customer.
 *
 * @param header where, who, which id, when
 * @param errors what the channel said
 */
public record PlatformError(EventHeader header, List<ChannelError> errors) implements InboundEvent {

    /** Checks the fields and copies the list. */
    public PlatformError {
        Objects.requireNonNull(header, "header");
        errors = List.copyOf(errors);
    }

    @Override
    public String kind() {
        return "platform_error";
    }
}
