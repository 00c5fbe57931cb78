package dev.conversa.model;

import java.util.Locale;
import java.util.Objects;

/**
 * A messaging channel, as an open value: the well-known channels are constants, and a channel
 * module outside this project can bring its own without any change to core.
 *
 * <p>Values are compared by {@link #value()}, which is lower case. Instances are immutable and
 * thread-safe.
 *
 * @param value the channel's stable lower-case name, such as {@code "whatsapp"}
 */
public record ChannelType(String value) {

    /** WhatsApp Business Platform (Cloud API). */
    public static final ChannelType WHATSAPP = new ChannelType("whatsapp");
    /** Instagram Messaging. */
    public static final ChannelType INSTAGRAM = new ChannelType("instagram");
    /** Facebook Messenger Platform. */
    public static final ChannelType MESSENGER = new ChannelType("messenger");

    /**
     * Checks the name.
     *
     * @throws IllegalArgumentException if the name is blank or not lower-case letters, digits,
     *     dashes and underscores
     */
    public ChannelType {
        Objects.requireNonNull(value, "value");
        if (!isName(value)) {
            throw new IllegalArgumentException(
                    "channel type must be 1-40 lower-case letters, digits, '-' or '_': " + value);
        }
    }

    /** 1 to 40 of a-z, 0-9, '-' and '_' (no regular expression: a channel type is made per row read). */
    private static boolean isName(String value) {
        if (value.isEmpty() || value.length() > 40) {
            return false;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '_' || c == '-')) {
                return false;
            }
        }
        return true;
    }

    /**
     * Returns the channel type of that name, lower-casing it first.
     *
     * @param value a channel name such as {@code "WhatsApp"}
     * @return the channel type
     */
    public static ChannelType of(String value) {
        return new ChannelType(Objects.requireNonNull(value, "value").toLowerCase(Locale.ROOT));
    }

    @Override
    public String toString() {
        return value;
    }
}
