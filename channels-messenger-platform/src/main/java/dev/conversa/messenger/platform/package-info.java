/**
 * What the Messenger and Instagram channels share on the Messenger Platform and a host may see:
 * {@link dev.conversa.messenger.platform.OutsideWindowException}, thrown by both channels when
 * the messaging window refuses a message. The wire format itself is in the internal subpackage,
 * not for applications.
 */
package dev.conversa.messenger.platform;
