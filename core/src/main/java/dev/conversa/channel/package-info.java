/**
 * The channel SPI: what a channel module implements ({@link dev.conversa.channel.ChannelAdapter}),
 * the capabilities it declares, and the connected business accounts it sends for.
 */
package dev.conversa.channel;
