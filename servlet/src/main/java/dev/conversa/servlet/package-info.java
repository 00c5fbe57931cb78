/**
 * Conversa's webhook as a ready Jakarta Servlet 6: {@link dev.conversa.servlet.ConversaWebhookServlet}
 * translates a servlet request into a {@link dev.conversa.webhook.WebhookRequest} and the
 * {@link dev.conversa.webhook.WebhookResponse} back, nothing more.
 */
package dev.conversa.servlet;
