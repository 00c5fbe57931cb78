/**
 * Test support for hosts and channel modules: sign webhook bodies as Meta does and build the
 * {@link dev.conversa.webhook.WebhookRequest} a real delivery would be.
 *
 * <pre>{@code
 * WebhookRequest request = SignedWebhook.builder(Secret.of("app-secret"))
 *     .metaJson("{\"object\":\"page\",\"entry\":[]}")
 *     .build();
 * WebhookResponse response = conversa.webhooks().handle(request);
 * }</pre>
 */
package dev.conversa.testkit;
