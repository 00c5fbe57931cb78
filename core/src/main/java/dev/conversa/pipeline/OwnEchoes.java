package dev.conversa.pipeline;

import dev.conversa.model.Author;
import dev.conversa.model.Direction;
import dev.conversa.model.Echo;
import dev.conversa.model.TenantId;
import dev.conversa.store.MessageStore;
import dev.conversa.store.OutboxEntry;
import java.util.Optional;

/**
 * Recognizes the echo of a message this library sent, even when the echo webhook overtakes the
 * outbox recording the channel's id for it: the echo carries {@link Pipeline#ECHO_METADATA} as
 * metadata, or names our Meta app as its sender, or (Instagram, whose echoes carry neither)
 * repeats one of our messages of that conversation still being sent.
 *
 * @param appId our Meta app id, when configured
 */
record OwnEchoes(Optional<String> appId) {

    /** How many recent messages of the conversation are searched for one still being sent. */
    private static final int RECENT = 20;

    /** RECORD's decision whether the entry's echo is ours, for OWNERSHIP to read. */
    static final AttributeKey<Boolean> OURS = AttributeKey.of("conversa.echo-is-ours", Boolean.class);

    /**
     * Tells whether an echo is of a message this library sent: marked as ours, or stored under
     * its id by us (not as a message from elsewhere), or repeating one of ours still being sent.
     */
    boolean isOurs(TenantId tenant, Echo echo, MessageStore messages) {
        if (isMarkedOurs(echo)) {
            return true;
        }
        return messages.find(tenant, echo.header().channel(), echo.header().externalId())
                .map(stored -> stored.author() != Author.BUSINESS_ELSEWHERE)
                .orElseGet(() -> repeatsOneBeingSent(tenant, echo, messages));
    }

    boolean isMarkedOurs(Echo echo) {
        return echo.metadata().filter(Pipeline.ECHO_METADATA::equals).isPresent()
                || appId.isPresent() && appId.equals(echo.appId());
    }

    /**
     * Tells whether the echo repeats, kind and text, an outbound message of its conversation
     * that still has its provisional outbox id: the send is under way, and this is its echo.
     */
    boolean repeatsOneBeingSent(TenantId tenant, Echo echo, MessageStore messages) {
        String text = echo.content().readableText();
        return messages.history(tenant, echo.conversation(), RECENT).stream()
                .anyMatch(message -> message.direction() == Direction.OUTBOUND
                        && message.messageId().startsWith(OutboxEntry.PROVISIONAL_ID_PREFIX)
                        && message.kind().equals(echo.content().kind())
                        && message.text().orElse("").equals(text));
    }
}
