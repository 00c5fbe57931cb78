/**
 * Test support for hosts and for Conversa's own modules: sign webhook bodies as Meta does and
 * build the {@link dev.conversa.webhook.WebhookRequest} a real delivery would be, and a loopback
 * stand-in of the Graph API ({@link dev.conversa.testkit.GraphStandIn}) that answers like Meta,
 * records every request and injects Meta's errors on demand. {@link
 * dev.conversa.testkit.SignedRequests} builds the {@code signed_request} of Meta's data
 * deletion callback.
 *
 * <pre>{@code
 * WebhookRequest request = SignedWebhook.builder()
 *     .appSecret(Secret.of("app-secret"))
 *     .metaJson("{\"object\":\"page\",\"entry\":[]}")
 *     .build();
 * WebhookResponse response = conversa.webhooks().handle(request);
 * }</pre>
 */
package dev.conversa.testkit;
