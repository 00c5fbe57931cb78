/**
 * The behaviour every {@link dev.conversa.channel.ChannelAdapter} must show, as abstract JUnit 5
 * tests that each channel module runs by extending {@link dev.conversa.channel.contract.ChannelAdapterContract}.
 * Shipped in core's test-jar.
 */
package dev.conversa.channel.contract;
