/**
 * Builders of genuine WhatsApp Cloud API webhook bodies, for tests of hosts and of the WhatsApp
 * channel: every message type, statuses, errors, Business-app echoes and marketing
 * preferences, signed as Meta signs them.
 *
 * <pre>{@code
 * WebhookRequest request = WhatsAppWebhook.builder()
 *     .message(WhatsAppCustomer.withPhone("16315551181", "Kerry"), WhatsAppMessage.text("wamid.1", "hi"))
 *     .signed(Secret.of("app-secret"));
 * }</pre>
 */
package dev.conversa.testkit.whatsapp;
