package dev.conversa.examples.quickstart;

import dev.conversa.Secret;
import dev.conversa.model.ChannelType;
import dev.conversa.testkit.SignedWebhook;
import dev.conversa.webhook.WebhookHandler;
import dev.conversa.webhook.WebhookResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Plays the customers of demo mode: turns what a person typed on the page into the channel's
 * genuine webhook JSON, signs it with the app secret as Meta does, and hands it to the real
 * webhook handler. Nothing about the demo bypasses the path a real message takes.
 */
final class DemoCustomers {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final WebhookHandler webhooks;
    private final Secret appSecret;
    private final Map<ChannelType, String> accounts;

    DemoCustomers(WebhookHandler webhooks, Secret appSecret, Map<ChannelType, String> accounts) {
        this.webhooks = webhooks;
        this.appSecret = appSecret;
        this.accounts = accounts;
    }

    String accountFor(ChannelType channel) {
        String account = accounts.get(channel);
        if (account == null) {
            throw new IllegalArgumentException("no demo account for channel " + channel);
        }
        return account;
    }

    WebhookResponse write(ChannelType channel, String customer, String name, String text, Instant now) {
        String account = accountFor(channel);
        ObjectNode payload = channel.equals(ChannelType.WHATSAPP)
                ? whatsApp(account, customer, name, text, now)
                : messengerPlatform(channel.equals(ChannelType.INSTAGRAM) ? "instagram" : "page", account, customer,
                        text, now);
        return webhooks.handle(SignedWebhook.builder(appSecret).metaJson(payload.toString()).build());
    }

    private static ObjectNode whatsApp(String phoneNumberId, String customer, String name, String text, Instant now) {
        ObjectNode message = JSON.objectNode()
                .put("from", customer)
                .put("id", "wamid.DEMO" + UUID.randomUUID().toString().replace("-", ""))
                .put("timestamp", Long.toString(now.getEpochSecond()))
                .put("type", "text");
        message.putObject("text").put("body", text);
        ObjectNode contact = JSON.objectNode().put("wa_id", customer);
        contact.putObject("profile").put("name", name);
        ObjectNode value = JSON.objectNode().put("messaging_product", "whatsapp");
        value.putObject("metadata").put("display_phone_number", "15550000000").put("phone_number_id", phoneNumberId);
        value.putArray("contacts").add(contact);
        value.putArray("messages").add(message);
        ObjectNode change = JSON.objectNode().put("field", "messages").set("value", value);
        ObjectNode entry = JSON.objectNode().put("id", "900000000000001");
        entry.putArray("changes").add(change);
        return envelope("whatsapp_business_account", entry);
    }

    private static ObjectNode messengerPlatform(String object, String account, String customer, String text,
            Instant now) {
        ObjectNode event = JSON.objectNode().put("timestamp", now.toEpochMilli());
        event.putObject("sender").put("id", customer);
        event.putObject("recipient").put("id", account);
        event.putObject("message").put("mid", "m_DEMO" + UUID.randomUUID().toString().replace("-", ""))
                .put("text", text);
        ObjectNode entry = JSON.objectNode().put("id", account).put("time", now.toEpochMilli());
        entry.putArray("messaging").add(event);
        return envelope(object, entry);
    }

    private static ObjectNode envelope(String object, ObjectNode entry) {
        ObjectNode root = JSON.objectNode().put("object", object);
        root.putArray("entry").addAll(List.of(entry));
        return root;
    }
}
