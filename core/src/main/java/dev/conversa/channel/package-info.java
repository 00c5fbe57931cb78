/**
 * The channel SPI: what a channel module implements ({@link dev.conversa.channel.ChannelAdapter}),
 * the webhook body it reads ({@link dev.conversa.channel.WebhookPayload}), the capabilities it
 * declares, and the connected business accounts it sends for. No type here names Jackson or any
 * other library: a channel may be written with any JSON library.
 */
package dev.conversa.channel;
