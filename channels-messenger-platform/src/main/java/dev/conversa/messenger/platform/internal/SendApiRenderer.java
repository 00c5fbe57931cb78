package dev.conversa.messenger.platform.internal;

import dev.conversa.channel.EchoMarker;
import dev.conversa.channel.SendRequest;
import dev.conversa.model.OutboundMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import tools.jackson.databind.node.ObjectNode;

/**
 * Renders an outbound message as Send API request bodies, pure JSON text without I/O. Most
 * messages need one request; a captioned attachment needs two (the attachment, then the caption
 * as text, because the Send API has no captions), and so does a list shown as text plus a generic
 * template. Every limit and the window rule are checked for all requests before any is returned.
 *
 * <p>Bodies carry {@code recipient.id} (the PSID or IGSID), {@code messaging_type}
 * ({@code RESPONSE}, or {@code MESSAGE_TAG} with tag {@code HUMAN_AGENT}, see
 * {@link MessagingWindow}), {@code message} or {@code sender_action}, and top-level
 * {@code reply_to.mid} on the first message when the outbound message quotes one, and
 * {@code message.metadata} {@link EchoMarker#VALUE} where the channel echoes it back.
 *
 * <p><b>Internal:</b> shared with the Instagram channel. Immutable and thread-safe.
 */
public final class SendApiRenderer {

    private final SendApiDialect dialect;

    /**
     * Creates a renderer for one channel.
     *
     * @param dialect what the channel accepts
     */
    public SendApiRenderer(SendApiDialect dialect) {
        this.dialect = Objects.requireNonNull(dialect, "dialect");
    }

    /**
     * Renders the request bodies, in the order they must be sent.
     *
     * @param request the message and window facts
     * @return the JSON bodies, at least one
     * @throws IllegalArgumentException if the content breaks a limit or cannot be shown
     */
    public List<String> render(SendRequest request) {
        MessagingWindow window = MessagingWindow.decide(request);
        OutboundMessage message = request.message();
        List<Part> parts = MessageParts.parts(message.content(), dialect);
        List<String> bodies = new ArrayList<>();
        for (Part part : parts) {
            ObjectNode body = MessageParts.JSON.createObjectNode();
            body.putObject("recipient").put("id", message.to().contactId());
            if (part.isMessage()) {
                body.put("messaging_type", window.messagingType());
                window.tag().ifPresent(tag -> body.put("tag", tag));
                if (bodies.isEmpty()) {
                    message.replyTo().ifPresent(mid -> body.putObject("reply_to").put("mid", mid));
                }
                ObjectNode content = part.message();
                if (dialect.echoMetadata()) {
                    content.put("metadata", EchoMarker.VALUE);
                }
                body.set("message", content);
            } else {
                body.put("sender_action", part.senderAction());
                if (part.payload() != null) {
                    body.set("payload", part.payload());
                }
            }
            bodies.add(body.toString());
        }
        return bodies;
    }
}
