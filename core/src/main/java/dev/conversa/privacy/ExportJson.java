package dev.conversa.privacy;

import dev.conversa.model.Contact;
import dev.conversa.model.Conversation;
import dev.conversa.model.ConversationKey;
import dev.conversa.model.MessageRecord;
import dev.conversa.store.ConsentRecord;
import dev.conversa.store.DeletionRequest;
import java.time.Instant;
import java.util.Optional;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes a {@link PersonalDataExport} as the JSON document of {@code docs/privacy.md}. Jackson
 * stays inside: the public type only returns text. Thread-safe (stateless).
 */
final class ExportJson {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private ExportJson() {}

    static String write(PersonalDataExport export) {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.put("schemaVersion", PersonalDataExport.SCHEMA_VERSION);
        root.put("tenant", export.tenant().value());
        root.put("exportedAt", export.exportedAt().toString());
        root.put("identifierHash", export.identifierHash());
        ArrayNode identities = root.putArray("identities");
        export.identities().entrySet().stream()
                .sorted((a, b) -> a.getKey().value().compareTo(b.getKey().value()))
                .forEach(entry -> entry.getValue().stream().sorted().forEach(id -> identities.addObject()
                        .put("channel", entry.getKey().value()).put("id", id)));
        ArrayNode contacts = root.putArray("contacts");
        export.contacts().forEach(contact -> contact(contacts.addObject(), contact));
        ArrayNode conversations = root.putArray("conversations");
        export.conversations().forEach(conversation -> conversation(conversations.addObject(), conversation));
        ArrayNode messages = root.putArray("messages");
        export.messages().forEach(message -> message(messages.addObject(), message));
        ArrayNode consents = root.putArray("consents");
        export.consents().forEach(consent -> consent(consents.addObject(), consent));
        ArrayNode requests = root.putArray("deletionRequests");
        export.deletionRequests().forEach(request -> deletionRequest(requests.addObject(), request));
        return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(root);
    }

    private static void contact(ObjectNode node, Contact contact) {
        node.put("channel", contact.channel().value());
        node.put("externalId", contact.externalId());
        putOptional(node, "name", contact.name());
        putOptional(node, "username", contact.username());
        putOptional(node, "phoneNumber", contact.phoneNumber());
        node.put("firstSeen", contact.firstSeen().toString());
    }

    private static void conversation(ObjectNode node, Conversation conversation) {
        key(node, conversation.key());
        node.put("state", conversation.state().name());
        putTime(node, "lastInboundAt", conversation.lastInboundAt());
        putTime(node, "replyDueAt", conversation.replyDueAt());
        putTime(node, "unansweredSince", conversation.unansweredSince());
        node.put("updatedAt", conversation.updatedAt().toString());
    }

    private static void message(ObjectNode node, MessageRecord message) {
        key(node, message.conversation());
        node.put("messageId", message.messageId());
        node.put("direction", message.direction().name());
        node.put("author", message.author().name());
        node.put("kind", message.kind());
        putOptional(node, "text", message.text());
        node.put("status", message.status().name());
        node.put("timestamp", message.timestamp().toString());
    }

    private static void consent(ObjectNode node, ConsentRecord consent) {
        node.put("channel", consent.channel().value());
        node.put("contactId", consent.contactId());
        node.put("topic", consent.topic());
        node.put("optedIn", consent.optedIn());
        node.put("at", consent.at().toString());
        node.put("source", consent.source());
    }

    private static void deletionRequest(ObjectNode node, DeletionRequest request) {
        node.put("subject", request.subject());
        node.put("confirmationCode", request.confirmationCode());
        node.put("status", request.status().name());
        node.put("requestedAt", request.requestedAt().toString());
        node.put("updatedAt", request.updatedAt().toString());
    }

    private static void key(ObjectNode node, ConversationKey key) {
        node.put("channel", key.channel().value());
        node.put("accountId", key.accountId());
        node.put("contactId", key.contactId());
    }

    private static void putOptional(ObjectNode node, String name, Optional<String> value) {
        value.ifPresent(v -> node.put(name, v));
    }

    private static void putTime(ObjectNode node, String name, Optional<Instant> value) {
        value.ifPresent(v -> node.put(name, v.toString()));
    }
}
