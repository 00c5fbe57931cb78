/**
 * The channel-neutral model: inbound events and message content as sealed families of
 * records, outbound content, conversations, contacts and stored messages.
 *
 * <p>Every type here is an immutable value, safe to share between threads. Records that may
 * hold personal data (text, phone numbers) leave it out of {@code toString()}.
 */
package dev.conversa.model;
