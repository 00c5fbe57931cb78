package dev.conversa.whatsapp.internal;

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
        Optional<String> waId = Nodes.nonBlank(message, "from");
        Optional<String> userId = Nodes.nonBlank(message, "from_user_id");
        String contactId = waId.or(() -> userId).orElseThrow(() -> new MalformedException("missing 'from'"));
        EventHeader header = scope.header(contactId, Nodes.required(message, "id"), scope.time(message));
        String type = Nodes.text(message, "type").orElse("");
        if ("reaction".equals(type) && Nodes.object(message, "reaction") != null) {
            JsonNode reaction = Nodes.object(message, "reaction");
            return new Reaction(header, Nodes.required(reaction, "message_id"), Nodes.nonBlank(reaction, "emoji"));
        }
        if ("edit".equals(type) && Nodes.object(message, "edit") != null) {
            JsonNode edit = Nodes.object(message, "edit");
            JsonNode edited = Nodes.object(edit, "message");
            MessageContent content = edited == null
                    ? ContentParser.unsupported(type, message) : ContentParser.parse(edited);
            return new Edited(header, Nodes.required(edit, "original_message_id"), content);
        }
        if ("revoke".equals(type) && Nodes.object(message, "revoke") != null) {
            return new Deleted(header, Nodes.required(Nodes.object(message, "revoke"), "original_message_id"));
        }
        return new InboundMessage(header, ContentParser.parse(message), context(message),
                scope.profile(waId, userId));
    }

    static Echo echo(ChangeScope scope, JsonNode echo) {
        String contactId = Nodes.nonBlank(echo, "to").or(() -> Nodes.nonBlank(echo, "to_user_id"))
                .orElseThrow(() -> new MalformedException("missing 'to'"));
        EventHeader header = scope.header(contactId, Nodes.required(echo, "id"), scope.time(echo));
        return new Echo(header, ContentParser.parse(echo), Optional.empty(), Optional.empty());
    }

    private static MessageContext context(JsonNode message) {
        JsonNode context = Nodes.object(message, "context");
        JsonNode referral = Nodes.object(message, "referral");
        if (context == null && referral == null) {
            return MessageContext.NONE;
        }
        Optional<ReferralInfo> source = Optional.ofNullable(referral).map(MessageParser::referral)
                .or(() -> Optional.ofNullable(Nodes.object(context, "referred_product")).map(MessageParser::product));
        return new MessageContext(Nodes.nonBlank(context, "id"), Nodes.flag(context, "forwarded"),
                Nodes.flag(context, "frequently_forwarded"), source);
    }

    /** A question about a catalog product ("Message business" on a product) is what brought the customer. */
    private static ReferralInfo product(JsonNode product) {
        return new ReferralInfo("product", Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Nodes.flatten("", product));
    }

    private static ReferralInfo referral(JsonNode referral) {
        Map<String, String> details = Nodes.flatten("", referral);
        details.keySet().removeAll(REFERRAL_FIELDS);
        return new ReferralInfo(Nodes.nonBlank(referral, "source_type").orElse("unknown"), Optional.empty(),
                Nodes.nonBlank(referral, "source_id"), Nodes.nonBlank(referral, "source_url"),
                Nodes.nonBlank(referral, "headline"), Nodes.nonBlank(referral, "body"), details);
    }
}
