package dev.conversa.messenger.platform.internal;

import dev.conversa.internal.json.LenientJson;
import dev.conversa.model.Deleted;
import dev.conversa.model.Echo;
import dev.conversa.model.Edited;
import dev.conversa.model.InboundEvent;
import dev.conversa.model.InboundMessage;
import dev.conversa.model.InteractiveReply;
import dev.conversa.model.MessageContent;
import dev.conversa.model.MessageContext;
import dev.conversa.model.ReplyKind;
import dev.conversa.model.SenderProfile;
import dev.conversa.model.Text;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * Reads {@code message}, {@code postback} and {@code message_edit} events. A message with several
 * attachments becomes several events: the first carries the {@code mid} as its id, the next ones
 * {@code mid#1}, {@code mid#2}, and so on.
 */
final class MessageEventParser {

    private MessageEventParser() {}

    static List<InboundEvent> events(EventScope scope, JsonNode message) {
        String mid = LenientJson.nonEmpty(message, "mid").orElseThrow(() -> new IllegalArgumentException("message without mid"));
        if (LenientJson.flag(message, "is_deleted")) {
            return List.of(new Deleted(scope.header("deleted:" + mid), mid));
        }
        List<MessageContent> contents = ContentParser.contents(message);
        List<InboundEvent> events = new ArrayList<>();
        for (int i = 0; i < contents.size(); i++) {
            String id = i == 0 ? mid : mid + "#" + i;
            events.add(LenientJson.flag(message, "is_echo")
                    ? new Echo(scope.header(id), contents.get(i), LenientJson.nonEmpty(message, "app_id"),
                            LenientJson.nonEmpty(message, "metadata"))
                    : new InboundMessage(scope.header(id), contents.get(i), context(message), SenderProfile.UNKNOWN));
        }
        return events;
    }

    static InboundEvent postback(EventScope scope, JsonNode postback) {
        String id = LenientJson.nonEmpty(postback, "mid")
                .orElseGet(() -> scope.derivedId("postback", LenientJson.nonEmpty(postback, "payload")));
        String payload = LenientJson.text(postback, "payload").orElse("");
        InteractiveReply reply = new InteractiveReply(ReplyKind.POSTBACK, payload, LenientJson.nonEmpty(postback, "title"),
                Optional.empty(), Optional.empty());
        MessageContext context = new MessageContext(Optional.empty(), false, false,
                ReferralParser.referral(postback.path("referral")));
        return new InboundMessage(scope.header(id), reply, context, SenderProfile.UNKNOWN);
    }

    static InboundEvent edit(EventScope scope, JsonNode edit) {
        String mid = LenientJson.nonEmpty(edit, "mid").orElseThrow(() -> new IllegalArgumentException("edit without mid"));
        String count = LenientJson.nonEmpty(edit, "num_edit").orElse("0");
        return new Edited(scope.header("edit:" + mid + ":" + count), mid,
                new Text(LenientJson.text(edit, "text").orElse("")));
    }

    private static MessageContext context(JsonNode message) {
        return new MessageContext(LenientJson.nonEmpty(message.path("reply_to"), "mid"), false, false,
                ReferralParser.referral(message.path("referral")));
    }
}
