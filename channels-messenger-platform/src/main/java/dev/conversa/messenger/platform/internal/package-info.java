/**
 * Internal: the Messenger Platform wire format, shared by the Messenger and Instagram channels;
 * not for applications. Webhook events into {@code InboundEvent}s ({@code MessagingEventParser}),
 * Send API bodies ({@code SendApiRenderer}, {@code SendApiDialect}), the Send API client
 * ({@code SendApiClient}), the messaging window ({@code MessagingWindow}) and the JSON of Graph
 * answers. Types here are public only so that the two channel modules can reach them; they may
 * change in any release.
 */
package dev.conversa.messenger.platform.internal;
