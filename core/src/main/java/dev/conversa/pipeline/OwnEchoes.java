package dev.conversa.pipeline;

import dev.conversa.channel.EchoMarker;
import dev.conversa.internal.store.OutboundHistory;
import dev.conversa.model.Author;
import dev.conversa.model.Contacts;
import dev.conversa.model.Echo;
import dev.conversa.model.Location;
import dev.conversa.model.Media;
import dev.conversa.model.MessageContent;
import dev.conversa.model.OutboundContent;
import dev.conversa.model.TenantId;
import dev.conversa.store.MessageStore;
import dev.conversa.store.Outbox;
import dev.conversa.store.OutboxEntry;
import java.util.Optional;

/**
 * Recognizes the echo of a message this library sent. In order:
 * <ol>
 *   <li>the echo carries the channel's {@link EchoMarker}, or names our Meta app as its sender
 *       (Messenger);
 *   <li>its id is one the channel gave a message of ours, or one of its parts (a caption sent
 *       after its media): the history finds it, written by us and not by a person elsewhere;
 *   <li>(Instagram, whose echoes carry no marker, when the echo overtakes the answer to the
 *       send) an outbox entry of the conversation is {@code SENDING} right now and the echo
 *       shows what that entry shows: its text, its media, the caption or body of its parts.
 * </ol>
 * Finished entries are never matched by text: a person who types the bot's earlier line is a
 * person.
 *
 * @param appId our Meta app id, when configured
 */
record OwnEchoes(Optional<String> appId) {

    /** RECORD's decision whether the entry's echo is ours, for OWNERSHIP to read. */
    static final AttributeKey<Boolean> OURS = AttributeKey.of("conversa.echo-is-ours", Boolean.class);

    /** Tells whether an echo is of a message this library sent. */
    boolean isOurs(TenantId tenant, Echo echo, MessageStore messages, Outbox outbox) {
        if (isMarkedOurs(echo)) {
            return true;
        }
        return messages.find(tenant, echo.header().channel(), echo.header().externalId())
                .map(stored -> stored.author() != Author.BUSINESS_ELSEWHERE)
                .orElseGet(() -> showsOneBeingSent(tenant, echo, outbox));
    }

    boolean isMarkedOurs(Echo echo) {
        return EchoMarker.isOnEcho(echo)
                || appId.isPresent() && appId.equals(echo.appId());
    }

    private static boolean showsOneBeingSent(TenantId tenant, Echo echo, Outbox outbox) {
        return outbox.sending(tenant, echo.conversation()).stream()
                .map(OutboxEntry::message)
                .anyMatch(message -> shows(message.content(), echo.content()));
    }

    /** Whether an echo is one of the parts the channel shows for what we sent. */
    static boolean shows(OutboundContent sent, MessageContent echoed) {
        String text = echoed.readableText().strip();
        if (sent instanceof Media media) {
            return echoed instanceof Media shown && shown.mediaKind() == media.mediaKind()
                    || !text.isEmpty() && media.caption().map(String::strip).filter(text::equals).isPresent();
        }
        if (text.isEmpty()) {
            return false;
        }
        if (sent instanceof Location location) {
            return location.name().filter(text::contains).isPresent()
                    || location.address().filter(text::contains).isPresent();
        }
        if (sent instanceof Contacts contacts) {
            return contacts.contacts().stream().anyMatch(contact -> text.contains(contact.formattedName()));
        }
        return OutboundHistory.readableText(sent).map(String::strip).filter(text::equals).isPresent();
    }
}
