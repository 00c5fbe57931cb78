package dev.conversa.testkit.whatsapp;

import dev.conversa.lang.Secret;
import dev.conversa.testkit.SignedWebhook;
import dev.conversa.webhook.WebhookRequest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Builds a WhatsApp Cloud API webhook body ({@code object: whatsapp_business_account}) in Meta's
 * format: customer messages, statuses, change-level errors, Business-app echoes, marketing
 * preferences and other fields, in the order added. Consecutive items of the same field share
 * one change, as Meta batches them. Not thread-safe.
 *
 * <pre>{@code
 * WhatsAppCustomer kerry = WhatsAppCustomer.withPhone("16315551181", "Kerry Fisher");
 * WebhookRequest request = WhatsAppWebhook.builder()
 *     .at(Instant.parse("2026-01-01T10:00:00Z"))
 *     .message(kerry, WhatsAppMessage.text("wamid.1", "Where is my order?"))
 *     .status("wamid.0", "16315551181", "read")
 *     .signed(Secret.of("app-secret"));
 * }</pre>
 */
public final class WhatsAppWebhook {

    /** The default business phone number id. */
    public static final String PHONE_NUMBER_ID = "106540352242922";
    /** The default business display number. */
    public static final String DISPLAY_PHONE_NUMBER = "15550783881";
    /** The default WhatsApp Business Account id. */
    public static final String WABA_ID = "102290129340398";

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final List<String> ITEM_ARRAYS =
            List.of("messages", "statuses", "errors", "message_echoes", "user_preferences");

    private final List<ObjectNode> changes = new ArrayList<>();
    private String phoneNumberId = PHONE_NUMBER_ID;
    private String displayPhoneNumber = DISPLAY_PHONE_NUMBER;
    private String wabaId = WABA_ID;
    private Instant at = Instant.parse("2026-01-01T10:00:00Z");

    private WhatsAppWebhook() {}

    /**
     * Starts a body for the default business number.
     *
     * @return the builder
     */
    public static WhatsAppWebhook builder() {
        return new WhatsAppWebhook();
    }

    /**
     * Sets the business number the next items are sent to.
     *
     * @param phoneNumberId its phone number id
     * @param displayPhoneNumber its display number
     * @return this builder
     */
    public WhatsAppWebhook business(String phoneNumberId, String displayPhoneNumber) {
        this.phoneNumberId = Objects.requireNonNull(phoneNumberId, "phoneNumberId");
        this.displayPhoneNumber = Objects.requireNonNull(displayPhoneNumber, "displayPhoneNumber");
        return this;
    }

    /**
     * Sets the time of the next items.
     *
     * @param time the time, sent as unix seconds in a string
     * @return this builder
     */
    public WhatsAppWebhook at(Instant time) {
        this.at = Objects.requireNonNull(time, "time");
        return this;
    }

    /**
     * Adds a customer's message, with the customer's profile in {@code contacts[]}.
     *
     * @param from the customer
     * @param message the message
     * @return this builder
     */
    public WhatsAppWebhook message(WhatsAppCustomer from, WhatsAppMessage message) {
        ObjectNode item = message.node();
        from.waId().ifPresent(id -> item.put("from", id));
        from.userId().ifPresent(id -> item.put("from_user_id", id));
        item.put("timestamp", seconds());
        ObjectNode value = value("messages", "messages");
        addProfile(value, from);
        value.withArray("messages").add(item);
        return this;
    }

    /**
     * Adds a status of a message the business sent.
     *
     * @param messageId the business message's wamid
     * @param recipient the customer's wa_id
     * @param status {@code sent}, {@code delivered}, {@code read}, {@code played} or {@code failed}
     * @return this builder
     */
    public WhatsAppWebhook status(String messageId, String recipient, String status) {
        statusItem(messageId, recipient, status);
        return this;
    }

    /**
     * Adds a {@code sent} status with conversation and pricing details.
     *
     * @param messageId the business message's wamid
     * @param recipient the customer's wa_id
     * @param conversationId the conversation id
     * @param category the pricing category, such as {@code service}
     * @return this builder
     */
    public WhatsAppWebhook sentWithPricing(String messageId, String recipient, String conversationId, String category) {
        ObjectNode status = statusItem(messageId, recipient, "sent");
        status.putObject("conversation").put("id", conversationId).putObject("origin").put("type", category);
        status.putObject("pricing").put("billable", true).put("pricing_model", "PMP").put("category", category);
        return this;
    }

    /**
     * Adds a {@code failed} status with one error.
     *
     * @param messageId the business message's wamid
     * @param recipient the customer's wa_id
     * @param code Meta's error code, such as 131047
     * @param title the error's title
     * @return this builder
     */
    public WhatsAppWebhook failed(String messageId, String recipient, int code, String title) {
        error(statusItem(messageId, recipient, "failed").putArray("errors"), code, title);
        return this;
    }

    /**
     * Adds change-level errors (no message), such as 130429.
     *
     * @param code Meta's error code
     * @param title the error's title
     * @return this builder
     */
    public WhatsAppWebhook changeError(int code, String title) {
        error(value("messages", "errors").withArray("errors"), code, title);
        return this;
    }

    /**
     * Adds a message the business sent from the WhatsApp Business app ({@code smb_message_echoes}).
     *
     * @param to the customer's wa_id
     * @param message the message
     * @return this builder
     */
    public WhatsAppWebhook echo(String to, WhatsAppMessage message) {
        ObjectNode item = message.node();
        item.put("from", displayPhoneNumber).put("to", to).put("timestamp", seconds());
        value("smb_message_echoes", "message_echoes").withArray("message_echoes").add(item);
        return this;
    }

    /**
     * Adds a marketing-message preference change ({@code user_preferences}).
     *
     * @param customer the customer
     * @param resume true when the customer resumed marketing messages, false when stopped
     * @return this builder
     */
    public WhatsAppWebhook marketingPreference(WhatsAppCustomer customer, boolean resume) {
        ObjectNode value = value("user_preferences", "user_preferences");
        addProfile(value, customer);
        ObjectNode item = value.withArray("user_preferences").addObject();
        customer.waId().ifPresent(id -> item.put("wa_id", id));
        item.put("detail", resume ? "User requested to resume marketing messages"
                : "User requested to stop marketing messages");
        item.put("category", "marketing_messages").put("value", resume ? "resume" : "stop")
                .put("timestamp", at.getEpochSecond());
        return this;
    }

    /**
     * Adds a change of another field, such as {@code security}, with its value as given.
     *
     * @param field the field
     * @param valueJson the change's value as JSON text
     * @return this builder
     */
    public WhatsAppWebhook otherField(String field, String valueJson) {
        ObjectNode change = NODES.objectNode();
        change.set("value", JSON.readTree(valueJson));
        change.put("field", field);
        changes.add(change);
        return this;
    }

    /**
     * The body as JSON text.
     *
     * @return the JSON
     */
    public String json() {
        ObjectNode root = NODES.objectNode().put("object", "whatsapp_business_account");
        ObjectNode entry = root.putArray("entry").addObject().put("id", wabaId);
        ArrayNode array = entry.putArray("changes");
        changes.forEach(array::add);
        return root.toString();
    }

    /**
     * The body as a POST signed with the app secret, escaped as Meta escapes it.
     *
     * @param appSecret the app secret the handler under test is configured with
     * @return the request
     */
    public WebhookRequest signed(Secret appSecret) {
        return SignedWebhook.builder().appSecret(appSecret).metaJson(json()).build();
    }

    private ObjectNode statusItem(String messageId, String recipient, String status) {
        return value("messages", "statuses").withArray("statuses").addObject().put("id", messageId).put("status", status)
                .put("timestamp", seconds()).put("recipient_id", recipient);
    }

    private static void error(ArrayNode errors, int code, String title) {
        errors.addObject().put("code", code).put("title", title).put("message", title)
                .putObject("error_data").put("details", title);
    }

    private static void addProfile(ObjectNode value, WhatsAppCustomer customer) {
        ObjectNode contact = NODES.objectNode();
        ObjectNode profile = contact.putObject("profile").put("name", customer.name());
        customer.username().ifPresent(u -> profile.put("username", u));
        customer.waId().ifPresent(id -> contact.put("wa_id", id));
        customer.userId().ifPresent(id -> contact.put("user_id", id));
        ArrayNode contacts = value.withArray("contacts");
        for (var existing : contacts) {
            if (existing.equals(contact)) {
                return;
            }
        }
        contacts.add(contact);
    }

    /**
     * The value of the last change when it has this field, this business number and no items of
     * another array (so that the order added is the order read); else a new change.
     */
    private ObjectNode value(String field, String array) {
        if (!changes.isEmpty()) {
            ObjectNode last = changes.get(changes.size() - 1);
            ObjectNode value = (ObjectNode) last.get("value");
            boolean sameKind = ITEM_ARRAYS.stream().noneMatch(other -> !other.equals(array) && value.has(other));
            if (sameKind && field.equals(last.get("field").asString())
                    && phoneNumberId.equals(value.path("metadata").path("phone_number_id").asString(""))) {
                return value;
            }
        }
        ObjectNode change = NODES.objectNode();
        ObjectNode value = change.putObject("value").put("messaging_product", "whatsapp");
        value.putObject("metadata").put("display_phone_number", displayPhoneNumber).put("phone_number_id", phoneNumberId);
        change.put("field", field);
        changes.add(change);
        return value;
    }

    private String seconds() {
        return String.valueOf(at.getEpochSecond());
    }
}
