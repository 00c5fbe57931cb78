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
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Turns one item of {@code value.messages[]} into an event: a message, a reaction, an edit or
 * a deletion; and one item of {@code value.message_echoes[]} into an {@link Echo}.
 */
final class MessageParser {

    private static final Set<String> REFERRAL_FIELDS = Set.of("source_type", "source_id", "source_url", "headline", "body");

    private MessageParser() {}

    static InboundEvent message(ChangeScope scope, JsonNode message) {
        Optional<String> waId = LenientJson.nonBlank(message, "from");
        Optional<String> userId = LenientJson.nonBlank(message, "from_user_id");
        String contactId = waId.or(() -> userId).orElseThrow(() -> new MalformedException("missing 'from'"));
        EventHeader header = scope.header(contactId, LenientJson.required(message, "id"), scope.time(message));
        String type = LenientJson.text(message, "type").orElse("");
        if ("reaction".equals(type) && LenientJson.object(message, "reaction") != null) {
            JsonNode reaction = LenientJson.object(message, "reaction");
            return new Reaction(header, LenientJson.required(reaction, "message_id"), LenientJson.nonBlank(reaction, "emoji"));
        }
        if ("edit".equals(type) && LenientJson.object(message, "edit") != null) {
            JsonNode edit = LenientJson.object(message, "edit");
            JsonNode edited = LenientJson.object(edit, "message");
            MessageContent content = edited == null
                    ? ContentParser.unsupported(type, message) : ContentParser.parse(edited);
            return new Edited(header, LenientJson.required(edit, "original_message_id"), content);
        }
        if ("revoke".equals(type) && LenientJson.object(message, "revoke") != null) {
            return new Deleted(header, LenientJson.required(LenientJson.object(message, "revoke"), "original_message_id"));
        }
        return new InboundMessage(header, ContentParser.parse(message), context(message),
                scope.profile(waId, userId));
    }

    static Echo echo(ChangeScope scope, JsonNode echo) {
        String contactId = LenientJson.nonBlank(echo, "to").or(() -> LenientJson.nonBlank(echo, "to_user_id"))
                .orElseThrow(() -> new MalformedException("missing 'to'"));
        EventHeader header = scope.header(contactId, LenientJson.required(echo, "id"), scope.time(echo));
        return new Echo(header, ContentParser.parse(echo), Optional.empty(), Optional.empty());
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
