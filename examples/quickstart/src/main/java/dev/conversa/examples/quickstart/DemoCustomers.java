package dev.conversa.examples.quickstart;

import dev.conversa.lang.Secret;
import dev.conversa.model.ChannelType;
import dev.conversa.testkit.instagram.InstagramWebhook;
import dev.conversa.testkit.messenger.MessengerWebhook;
import dev.conversa.testkit.whatsapp.WhatsAppCustomer;
import dev.conversa.testkit.whatsapp.WhatsAppMessage;
import dev.conversa.testkit.whatsapp.WhatsAppWebhook;
import dev.conversa.webhook.WebhookHandler;
import dev.conversa.webhook.WebhookRequest;
import dev.conversa.webhook.WebhookResponse;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * Plays the customers of demo mode: turns what a person typed on the page into the channel's
 * genuine webhook JSON (built by the test kit), signs it with the app secret as Meta does, and
 * hands it to the real webhook handler. Nothing about the demo bypasses the path a real message
 * takes.
 */
final class DemoCustomers {

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
        String id = UUID.randomUUID().toString().replace("-", "");
        WebhookRequest request;
        if (channel.equals(ChannelType.WHATSAPP)) {
            request = WhatsAppWebhook.builder().business(account, "15550000000").at(now)
                    .message(WhatsAppCustomer.withPhone(customer, name), WhatsAppMessage.text("wamid.DEMO" + id, text))
                    .signed(appSecret);
        } else if (channel.equals(ChannelType.INSTAGRAM)) {
            request = InstagramWebhook.account(account).at(now).text(customer, "m_DEMO" + id, text).signed(appSecret);
        } else {
            request = MessengerWebhook.page(account).at(now).text(customer, "m_DEMO" + id, text).signed(appSecret);
        }
        return webhooks.handle(request);
    }
}
