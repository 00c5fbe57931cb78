/**
 * Webhook intake, independent of any web framework: the host's HTTP server turns each call to
 * the webhook URL into a {@link dev.conversa.webhook.WebhookRequest}, hands it to
 * {@link dev.conversa.webhook.WebhookHandler#handle}, and writes the returned
 * {@link dev.conversa.webhook.WebhookResponse} back.
 *
 * <p>The handler answers Meta's subscription handshake (GET), verifies the
 * {@code X-Hub-Signature-256} of every POST over the raw bytes before anything is parsed,
 * parses the body once with tight limits, lets the channel adapters normalize it, maps each
 * event to its tenant and appends the events to the durable inbox before it answers 200.
 *
 * @see <a href="https://developers.facebook.com/docs/graph-api/webhooks/getting-started/">Meta:
 *     getting started with webhooks</a>
 */
package dev.conversa.webhook;
