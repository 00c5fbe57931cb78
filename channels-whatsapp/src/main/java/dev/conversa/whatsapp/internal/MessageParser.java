package dev.conversa.whatsapp.internal;

import dev.conversa.internal.json.LenientJson;
import dev.conversa.model.Deleted;
import dev.conversa.model.Echo;
import dev.conversa.model.Edited;
import dev.conversa.model.EventHeader;
import dev.conversa.model.InboundEvent;
import dev.conversa.model.InboundMessage;
import dev.conversa.model.MessageContent;
import dev.conversa.model.MessageContext;
import dev.conversa.model.Reaction;
import dev.conversa.model.ReferralInfo;
import dev.conversa.model.SystemNotice;
import dev.conversa.whatsapp.WhatsAppChannel;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * Turns one item of {@code value.messages[]} into an event: a message, a reaction, an edit or
 * a deletion; and one item of {@code value.message_echoes[]} (the WhatsApp Business app) into
 * an {@link Echo}, or into an edit or deletion of the business's own message.
 */
final class MessageParser {

    /** A business-scoped user id, such as {@code US.13491208655302741918} or {@code US.ENT.1181...}. */
    private static final Pattern BUSINESS_SCOPED_IDS = Pattern.compile("\\b[A-Z]{2}\\.[A-Za-z0-9.]*[A-Za-z0-9]");
    private static final Set<String> REFERRAL_FIELDS = Set.of("source_type", "source_id", "source_url", "headline", "body");

    private MessageParser() {}

    /**
     * A customer's message. The sender is {@code from} (the phone number), else
     * {@code from_user_id} (the business-scoped user id of a user who hides the number), else the
     * only user of the change's {@code contacts[]} (a contact shared on the business's request
     * names its sender only there). A message with a {@code group_id} belongs to the group's
     * conversation ({@link WhatsAppChannel#GROUP_PREFIX}), its sender in the header's participant.
     */
    static InboundEvent message(ChangeScope scope, JsonNode message) {
        Optional<String> from = LenientJson.nonBlank(message, "from");
        Optional<String> fromUserId = LenientJson.nonBlank(message, "from_user_id");
        JsonNode system = LenientJson.object(message, "system");
        boolean named = from.isPresent() || fromUserId.isPresent();
        if (!named && system != null) {
            return userIdChanged(scope, message, system);
        }
        Optional<JsonNode> only = named ? Optional.empty() : scope.onlyContact();
        Optional<String> waId = from.or(() -> only.flatMap(c -> LenientJson.nonBlank(c, "wa_id")));
        Optional<String> userId = fromUserId.or(() -> only.flatMap(c -> LenientJson.nonBlank(c, "user_id")));
        String sender = waId.or(() -> userId).orElseThrow(() -> new MalformedException("missing 'from'"));
        Optional<String> groupId = LenientJson.nonBlank(message, "group_id");
        String id = LenientJson.required(message, "id");
        EventHeader header = groupId.isPresent()
                ? scope.header(WhatsAppChannel.GROUP_PREFIX + groupId.get(), id, scope.time(message),
                        EventHeader.PARTICIPANT, sender)
                : scope.header(sender, id, scope.time(message));
        String type = LenientJson.text(message, "type").orElse("");
        if ("reaction".equals(type) && LenientJson.object(message, "reaction") != null) {
            JsonNode reaction = LenientJson.object(message, "reaction");
            return new Reaction(header, LenientJson.required(reaction, "message_id"), LenientJson.nonBlank(reaction, "emoji"));
        }
        InboundEvent change = editOrDelete(header, type, message);
        return change != null ? change
                : new InboundMessage(header, ContentParser.parse(message), context(message), scope.profile(waId, userId));
    }

    /**
     * A notice without a sender: a user who hides the number got a new business-scoped user id
     * ({@code user_changed_user_id}), named in {@code system.user_id}; the body names the former
     * one ("... changed from US.1 to US.2"). The notice concerns the former id and moves the
     * contact to the new one; when the body names no former id (or the notice is of another type),
     * it concerns the new id and moves nothing.
     */
    private static InboundEvent userIdChanged(ChangeScope scope, JsonNode message, JsonNode system) {
        String newId = LenientJson.nonBlank(system, "user_id").orElseThrow(() -> new MalformedException("missing 'from'"));
        String body = LenientJson.text(system, "body").orElse("");
        String type = LenientJson.text(system, "type").orElse("unknown");
        Optional<String> former = "user_changed_user_id".equals(type)
                ? BUSINESS_SCOPED_IDS.matcher(body).results().map(MatchResult::group)
                        .filter(id -> !id.equals(newId)).findFirst()
                : Optional.empty();
        EventHeader header = scope.header(former.orElse(newId), LenientJson.required(message, "id"), scope.time(message));
        SystemNotice notice = new SystemNotice(type, body, former.map(id -> newId));
        return new InboundMessage(header, notice, MessageContext.NONE, scope.profile(Optional.empty(), Optional.of(newId)));
    }

    /**
     * An echo of the business's message, or its edit or deletion in the WhatsApp Business app,
     * which changes the business's original message as a customer's edit or deletion changes theirs.
     */
    static InboundEvent echo(ChangeScope scope, JsonNode echo) {
        EventHeader header = scope.header(echoCustomer(scope, echo), LenientJson.required(echo, "id"), scope.time(echo));
        InboundEvent change = editOrDelete(header, LenientJson.text(echo, "type").orElse(""), echo);
        return change != null ? change : new Echo(header, ContentParser.parse(echo), Optional.empty(), Optional.empty());
    }

    /**
     * The customer of an echo: {@code to} (or {@code to_user_id}), unless {@code to} is the
     * business's own number, as some senders write edits, then {@code from}.
     */
    private static String echoCustomer(ChangeScope scope, JsonNode echo) {
        String business = scope.attributes().get(WhatsAppChannel.DISPLAY_PHONE_NUMBER);
        return LenientJson.nonBlank(echo, "to").filter(to -> !to.equals(business))
                .or(() -> LenientJson.nonBlank(echo, "to_user_id"))
                .or(() -> LenientJson.nonBlank(echo, "from").filter(from -> !from.equals(business)))
                .orElseThrow(() -> new MalformedException("missing 'to'"));
    }

    /** An edit or a deletion of an earlier message; null for any other item. */
    private static InboundEvent editOrDelete(EventHeader header, String type, JsonNode item) {
        if ("edit".equals(type) && LenientJson.object(item, "edit") != null) {
            JsonNode edit = LenientJson.object(item, "edit");
            JsonNode edited = LenientJson.object(edit, "message");
            MessageContent content = edited == null
                    ? ContentParser.unsupported(type, item) : ContentParser.parse(edited);
            return new Edited(header, LenientJson.required(edit, "original_message_id"), content);
        }
        if ("revoke".equals(type) && LenientJson.object(item, "revoke") != null) {
            return new Deleted(header, LenientJson.required(LenientJson.object(item, "revoke"), "original_message_id"));
        }
        return null;
    }

    private static MessageContext context(JsonNode message) {
        JsonNode context = LenientJson.object(message, "context");
        JsonNode referral = LenientJson.object(message, "referral");
        if (context == null && referral == null) {
            return MessageContext.NONE;
        }
        Optional<ReferralInfo> source = Optional.ofNullable(referral).map(MessageParser::referral)
                .or(() -> Optional.ofNullable(LenientJson.object(context, "referred_product")).map(MessageParser::product));
        return new MessageContext(LenientJson.nonBlank(context, "id"), LenientJson.flag(context, "forwarded"),
                LenientJson.flag(context, "frequently_forwarded"), source);
    }

    /** A question about a catalog product ("Message business" on a product) is what brought the customer. */
    private static ReferralInfo product(JsonNode product) {
        return new ReferralInfo("product", Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), LenientJson.flatten("", product));
    }

    private static ReferralInfo referral(JsonNode referral) {
        Map<String, String> details = LenientJson.flatten("", referral);
        details.keySet().removeAll(REFERRAL_FIELDS);
        return new ReferralInfo(LenientJson.nonBlank(referral, "source_type").orElse("unknown"), Optional.empty(),
                LenientJson.nonBlank(referral, "source_id"), LenientJson.nonBlank(referral, "source_url"),
                LenientJson.nonBlank(referral, "headline"), LenientJson.nonBlank(referral, "body"), details);
    }
}
