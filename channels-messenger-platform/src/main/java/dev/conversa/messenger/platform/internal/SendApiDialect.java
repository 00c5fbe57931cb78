package dev.conversa.messenger.platform.internal;

import dev.conversa.model.MediaKind;
import java.util.Objects;
import java.util.Set;

/**
 * What one channel on the Messenger Platform Send API accepts, so that one renderer serves
 * Messenger and Instagram.
 *
 * <p><b>Internal.</b> Immutable and thread-safe.
 *
 * @param channelName the channel's name, for error messages
 * @param maxTextLength the longest text, in characters (code points)
 * @param buttonTemplates whether button and generic templates exist
 * @param media the media kinds the channel can send
 * @param loveReactions whether the business can react to a message, with a heart only
 *     ({@code sender_action} {@code react} and {@code unreact}, Instagram)
 * @param echoMetadata whether every message carries {@code message.metadata} set to
 *     {@link dev.conversa.channel.EchoMarker#VALUE}, which the channel echoes back so that
 *     the echo of our own message is not taken for a person answering elsewhere (Messenger). The
 *     Instagram Send API documents no {@code metadata}, nor do its echoes, so Instagram sends none.
 */
public record SendApiDialect(
        String channelName, int maxTextLength, boolean buttonTemplates, Set<MediaKind> media, boolean loveReactions,
        boolean echoMetadata) {

    /** The most quick replies on one message. */
    public static final int MAX_QUICK_REPLIES = 13;
    /** The longest quick reply or button title. */
    public static final int MAX_TITLE_LENGTH = 20;
    /** The most buttons on a button template. */
    public static final int MAX_BUTTONS = 3;
    /** The most elements in a generic template. */
    public static final int MAX_ELEMENTS = 10;
    /** The longest text of a button template. */
    public static final int MAX_BUTTON_TEXT_LENGTH = 640;
    /** The longest postback or quick reply payload. */
    public static final int MAX_PAYLOAD_LENGTH = 1000;

    /** Messenger: 2000 characters, templates, every media kind, our echo marker on every message. */
    public static final SendApiDialect MESSENGER = new SendApiDialect("Messenger", 2000, true,
            Set.of(MediaKind.IMAGE, MediaKind.AUDIO, MediaKind.VOICE, MediaKind.VIDEO, MediaKind.DOCUMENT,
                    MediaKind.STICKER, MediaKind.ANIMATION), false, true);

    /** Checks the fields and copies the set. */
    public SendApiDialect {
        Objects.requireNonNull(channelName, "channelName");
        media = Set.copyOf(media);
    }
}
