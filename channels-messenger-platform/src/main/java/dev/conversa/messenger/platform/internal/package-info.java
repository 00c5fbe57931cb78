/**
 * Internal: the Messenger Platform wire format (webhook events and Send API bodies), shared with
 * the Instagram channel, which uses the same format. Public only by necessity; not API, may
 * change in any release.
 */
package dev.conversa.messenger.internal;
