package dev.conversa.channel;

import dev.conversa.graph.GraphClient;
import dev.conversa.model.ChannelType;
import dev.conversa.model.InboundEvent;
import dev.conversa.model.MessageTemplate;
import java.util.List;
import java.util.Optional;

/**
 * A messaging channel, implemented once per channel module and registered explicitly with
 * {@code Conversa.builder().channel(adapter)}.
 *
 * <p>Core calls the adapter; the adapter never calls back into the pipeline:
 * <ul>
 *   <li>{@link #normalize} runs on the webhook thread after the signature was verified and the
 *       body parsed once. It reads the body's bytes from the {@link WebhookPayload} with a JSON
 *       library of its choice (the SPI names no JSON type). It must be pure (no I/O), must not throw for unknown input (unknown
 *       events become {@code Unsupported} with their raw JSON), and may throw
 *       {@link IllegalArgumentException} only when the payload is not of this channel's shape.
 *   <li>{@link #send} runs on an outbox worker. It renders the channel-neutral message in the
 *       channel's wire format, checks the channel's limits before any request (an
 *       {@link IllegalArgumentException} naming the limit), and sends it through the
 *       {@link GraphClient}, whose {@code GraphApiException} it lets through, or wraps keeping
 *       every field ({@code toBuilder()}), {@code isOutcomeUnknown()} above all. The outbox marks
 *       the message {@code SENDING} when the adapter makes its first call other than a
 *       {@code GET} through the client it was given, so waits and look-ups belong before that
 *       call. A message sent in several requests returns the id of every part; when a later
 *       part fails after an earlier one was sent, the failure's outcome is unknown.
 * </ul>
 *
 * <p>Implementations must be immutable and thread-safe.
 *
 * <pre>{@code
 * Conversa conversa = Conversa.builder()
 *     .channel(WhatsAppChannel.create())
 *     ...
 *     .build();
 * }</pre>
 */
public interface ChannelAdapter {

    /**
     * The channel this adapter serves.
     *
     * @return the channel type
     */
    ChannelType type();

    /**
     * The value of the webhook's top-level {@code "object"} field this adapter handles, such as
     * {@code "whatsapp_business_account"}, {@code "page"} or {@code "instagram"}.
     *
     * @return the object name
     */
    String webhookObject();

    /**
     * Turns a verified webhook payload into events, in the order the payload lists them.
     *
     * @param payload the verified body: its raw bytes and its {@code object}
     * @return the events, possibly empty
     */
    List<InboundEvent> normalize(WebhookPayload payload);

    /**
     * Renders and sends one message.
     *
     * @param request the account, message and window facts
     * @param graph the Graph API client to send with
     * @return the channel's ids of the sent message, one per part
     * @throws IllegalArgumentException if the message breaks a channel limit (nothing was sent)
     * @throws dev.conversa.graph.GraphApiException if the channel refused it, or answered so that
     *     the outcome is unknown (then {@code isOutcomeUnknown()} is true)
     */
    SendResult send(SendRequest request, GraphClient graph);

    /**
     * What this channel can show.
     *
     * @return the capabilities
     */
    ChannelCapabilities capabilities();

    /**
     * The Meta object whose webhook subscription {@link #unsubscribe} removes, such as a Page id
     * or a WhatsApp Business Account id. Several accounts may share one (a Page's Messenger and
     * Instagram accounts, the phone numbers of one WhatsApp Business Account): core unsubscribes
     * only when no other connected account of the tenant names the same subscription. The
     * default is empty: the subscription is the account's own.
     *
     * @param account a connected account
     * @return the id of the subscribed object, empty when not shared
     */
    default Optional<String> subscription(ChannelAccount account) {
        return Optional.empty();
    }

    /**
     * Asks Meta to stop sending webhooks for an account being disconnected, where the channel's
     * API allows it (for example {@code DELETE /{page-id}/subscribed_apps}). Core calls it from
     * {@code Conversa.disconnectAccount} after the account left the registry, so its events are
     * already dropped whatever this does; a failure is logged and the account stays disconnected.
     * It is not called while another connected account shares its {@link #subscription}. The
     * default does nothing, for channels without such a call.
     *
     * @param account the account being disconnected, with its token
     * @param graph the Graph API client to call with
     * @throws dev.conversa.graph.GraphApiException if Meta refused
     */
    default void unsubscribe(ChannelAccount account, GraphClient graph) {
        // no unsubscription call for this channel
    }

    /**
     * Reads the account's message template catalogue from the channel (WhatsApp:
     * {@code GET /{waba-id}/message_templates}, every page), for
     * {@code Conversa.refreshTemplates}, which keeps it in the store so template sends are
     * checked before any request. The default has none: the channel has no templates.
     *
     * @param account the account, grouped under its business account
     *     ({@link ChannelAccount#businessAccountId()})
     * @param graph the Graph API client to read with
     * @return every template, with name, language, status, category and body parameter count
     * @throws UnsupportedOperationException if the channel has no templates
     * @throws IllegalArgumentException if the account names no business account
     * @throws dev.conversa.graph.GraphApiException if Meta refused
     */
    default List<MessageTemplate> templates(ChannelAccount account, GraphClient graph) {
        throw new UnsupportedOperationException("the " + type() + " channel has no message templates");
    }
}
