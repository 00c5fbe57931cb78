package dev.conversa.whatsapp.internal;

import dev.conversa.internal.json.LenientJson;
import dev.conversa.model.AccountEvent;
import dev.conversa.model.InboundEvent;
import dev.conversa.model.PlatformError;
import dev.conversa.model.Unsupported;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiFunction;
import tools.jackson.databind.JsonNode;

/**
 * Turns a WhatsApp Cloud API webhook body into events, in the order the body lists them: every
 * entry, every change, then per change its messages, statuses and errors; an account-level
 * change (template, quality, account, number updates, addressed to the WhatsApp Business
 * Account) becomes one {@link AccountEvent}. Pure: no I/O, and no
 * exception for unknown or malformed items, which become {@link Unsupported} events with their
 * raw JSON (an item that fails in any way is kept that way, so one odd item never costs the
 * rest of the batch). Immutable and thread-safe.
 *
 * @see <a href="https://developers.facebook.com/docs/whatsapp/cloud-api/webhooks/components">Webhook components</a>
 */
public final class WhatsAppNormalizer {

    /** The webhook {@code object} of WhatsApp Business Accounts. */
    public static final String OBJECT = "whatsapp_business_account";

    private final Clock clock;

    /**
     * Creates the normalizer.
     *
     * @param clock gives the time of items that carry no timestamp
     */
    public WhatsAppNormalizer(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Normalizes one webhook body.
     *
     * @param root the parsed body
     * @return the events, possibly empty
     * @throws IllegalArgumentException if the body is not a WhatsApp Business Account webhook
     */
    public List<InboundEvent> normalize(JsonNode root) {
        String object = LenientJson.text(root, "object").orElse("");
        if (!OBJECT.equals(object)) {
            throw new IllegalArgumentException("not a WhatsApp webhook: object must be '" + OBJECT + "'");
        }
        JsonNode entries = root.get("entry");
        if (entries == null || !entries.isArray()) {
            throw new IllegalArgumentException("not a WhatsApp webhook: 'entry' must be an array");
        }
        Instant receivedAt = clock.instant();
        List<InboundEvent> events = new ArrayList<>();
        for (JsonNode entry : entries) {
            JsonNode changes = entry.get("changes");
            if (changes == null || !changes.isArray()) {
                ChangeScope scope = new ChangeScope(LenientJson.nonBlank(entry, "id").orElse(ChangeScope.UNKNOWN), null,
                        receivedAt);
                events.add(unsupported(scope, "entry", entry));
                continue;
            }
            for (JsonNode change : changes) {
                events.addAll(change(entry, change, receivedAt));
            }
        }
        return events;
    }

    private List<InboundEvent> change(JsonNode entry, JsonNode change, Instant receivedAt) {
        String field = LenientJson.nonBlank(change, "field").orElse("unknown");
        JsonNode value = LenientJson.object(change, "value");
        String accountId = LenientJson.nonBlank(LenientJson.object(value, "metadata"), "phone_number_id")
                .or(() -> LenientJson.nonBlank(entry, "id")).orElse(ChangeScope.UNKNOWN);
        ChangeScope scope = new ChangeScope(accountId, value, receivedAt);
        List<InboundEvent> events = new ArrayList<>();
        if ("messages".equals(field)) {
            each(scope, "messages", MessageParser::message, events);
            each(scope, "statuses", StatusParser::status, events);
            if (!LenientJson.array(value, "errors").isEmpty()) {
                events.add(new PlatformError(scope.header(accountId, "errors:" + LenientJson.digest(value), receivedAt),
                        ChannelErrors.of(value)));
            }
        } else if ("smb_message_echoes".equals(field)) {
            each(scope, "message_echoes", MessageParser::echo, events);
        } else if ("user_preferences".equals(field)) {
            each(scope, "user_preferences", PreferenceParser::preference, events);
        } else if (UserIdUpdateParser.TYPE.equals(field)) {
            each(scope, UserIdUpdateParser.TYPE, UserIdUpdateParser::update, events);
        } else {
            AccountEvent.Type.ofField(field).ifPresent(type -> {
                try {
                    events.add(AccountEventParser.parse(type, entry, value, receivedAt));
                } catch (RuntimeException e) {
                    // kept below as unsupported, with its raw JSON
                }
            });
        }
        if (events.isEmpty()) {
            events.add(unsupported(scope, field, change));
        }
        return events;
    }

    private static void each(
            ChangeScope scope, String array, BiFunction<ChangeScope, JsonNode, InboundEvent> parser,
            List<InboundEvent> events) {
        JsonNode items = scope.value() == null ? null : scope.value().get(array);
        if (items != null && !items.isArray()) {
            events.add(unsupported(scope, array, items));
            return;
        }
        for (JsonNode item : LenientJson.array(scope.value(), array)) {
            try {
                events.add(parser.apply(scope, item));
            } catch (RuntimeException e) {
                events.add(unsupported(scope, array, item));
            }
        }
    }

    private static Unsupported unsupported(ChangeScope scope, String type, JsonNode node) {
        String contactId = firstOf(node, "from", "to", "recipient_id", "wa_id").orElse(ChangeScope.UNKNOWN);
        return new Unsupported(scope.header(contactId, type + ":" + LenientJson.digest(node), scope.time(node)), type,
                node.toString());
    }

    private static Optional<String> firstOf(JsonNode node, String... fields) {
        for (String field : fields) {
            Optional<String> value = LenientJson.nonBlank(node, field);
            if (value.isPresent()) {
                return value;
            }
        }
        return Optional.empty();
    }
}
