/**
 * The Messenger channel ({@link dev.conversa.messenger.MessengerChannel}), the connection of
 * Facebook Pages ({@link dev.conversa.messenger.PageConnector}), sender profiles and the
 * handover protocol.
 */
package dev.conversa.messenger;
