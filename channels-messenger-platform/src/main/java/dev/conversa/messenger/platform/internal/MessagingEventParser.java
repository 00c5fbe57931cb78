package dev.conversa.messenger.platform.internal;

import dev.conversa.channel.WebhookPayload;
import dev.conversa.internal.json.LenientJson;
import dev.conversa.internal.json.WebhookTrees;
import dev.conversa.model.ChannelType;
import dev.conversa.model.Handover;
import dev.conversa.model.InboundEvent;
import dev.conversa.model.Unsupported;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Normalizes Messenger Platform webhooks ({@code object} {@code "page"} for Messenger,
 * {@code "instagram"} for Instagram) into events: every event of every entry's
 * {@code messaging[]}, then {@code standby[]}, then {@code changes[]}, entry by entry.
 *
 * <p>Events in {@code standby[]} arrive while another app (the Page inbox, a CRM) holds the
 * thread. Each becomes a {@link Handover} with {@link Handover.Action#STANDBY} whose metadata is
 * the raw event JSON, which gives the conversation to a person; a standby {@code message} is then
 * also read as any message (the customer's message, or an echo of the other app's), after the
 * handover, so its text enters the history while the bot, which no longer holds the
 * conversation, does not answer it. Events of
 * a type this version does not know, and events too malformed to read, become
 * {@link Unsupported} with their raw JSON; this parser never throws for an event.
 *
 * <p><b>Internal:</b> public only so that the Instagram channel can reuse it. Immutable and
 * thread-safe.
 */
public final class MessagingEventParser {

    private static final Set<String> ENVELOPE = Set.of("sender", "recipient", "timestamp");

    private final ChannelType channel;
    private final String webhookObject;

    /**
     * Creates a parser.
     *
     * @param channel the channel the events belong to
     * @param webhookObject the {@code object} value this channel owns
     */
    public MessagingEventParser(ChannelType channel, String webhookObject) {
        this.channel = Objects.requireNonNull(channel, "channel");
        this.webhookObject = Objects.requireNonNull(webhookObject, "webhookObject");
    }

    /**
     * Turns a payload into events.
     *
     * @param payload the verified, parsed webhook body
     * @return the events, in payload order
     * @throws IllegalArgumentException if the payload's {@code object} is not this channel's, or
     *     it has no {@code entry} array
     */
    public List<InboundEvent> parse(WebhookPayload payload) {
        if (!webhookObject.equals(payload.object())) {
            throw new IllegalArgumentException(
                    "expected a webhook with object '" + webhookObject + "' but got '" + payload.object() + "'");
        }
        JsonNode entries = WebhookTrees.root(payload).path("entry");
        if (!entries.isArray()) {
            throw new IllegalArgumentException("the webhook has no 'entry' array");
        }
        List<InboundEvent> events = new ArrayList<>();
        for (JsonNode entry : entries) {
            for (JsonNode event : entry.path("messaging")) {
                events.addAll(safely(EventScope.of(channel, entry, event), false));
            }
            for (JsonNode event : entry.path("standby")) {
                events.addAll(safely(EventScope.of(channel, entry, event), true));
            }
            for (JsonNode change : entry.path("changes")) {
                events.add(change(entry, change));
            }
        }
        return events;
    }

    private List<InboundEvent> safely(EventScope scope, boolean standby) {
        try {
            return standby ? standby(scope) : EventParser.events(scope, typeOf(scope.event()));
        } catch (RuntimeException malformed) {
            return List.of(new Unsupported(
                    scope.header("malformed:" + LenientJson.digest(scope.event())), "malformed:" + typeOf(scope.event()),
                    scope.raw()));
        }
    }

    /**
     * A {@code changes[]} item (Instagram comments and mentions, Page feed) is not a messaging
     * event: it is kept as {@link Unsupported} named after its field, with the commenter as contact
     * when the change names one.
     */
    private InboundEvent change(JsonNode entry, JsonNode change) {
        String field = LenientJson.nonEmpty(change, "field").orElse("change");
        JsonNode value = change.path("value");
        String contact = LenientJson.nonEmpty(value.path("from"), "id").orElse(EventScope.UNKNOWN);
        EventScope scope = new EventScope(channel, LenientJson.nonEmpty(entry, "id").orElse(EventScope.UNKNOWN), contact,
                LenientJson.millis(entry, "time").orElse(java.time.Instant.EPOCH), change);
        return new Unsupported(scope.header("change:" + field + ":" + LenientJson.digest(change)), "change:" + field,
                scope.raw());
    }

    private static List<InboundEvent> standby(EventScope scope) {
        JsonNode message = scope.event().path("message");
        String id = LenientJson.nonEmpty(message, "mid").map(mid -> "standby:" + mid)
                .orElseGet(() -> "standby:" + typeOf(scope.event()) + ":" + LenientJson.digest(scope.event()));
        List<InboundEvent> events = new ArrayList<>();
        events.add(new Handover(scope.header(id), Handover.Action.STANDBY, Optional.empty(), Optional.empty(),
                Optional.of(scope.raw())));
        if ("message".equals(typeOf(scope.event()))) {
            events.addAll(EventParser.events(scope, "message"));
        }
        return events;
    }

    static String typeOf(JsonNode event) {
        for (String name : event.propertyNames()) {
            if (!ENVELOPE.contains(name)) {
                return name;
            }
        }
        return "empty";
    }
}
