/**
 * Internal: who may speak in a conversation ({@link dev.conversa.conversation.internal.Ownership})
 * and the one optimistic update loop of a conversation
 * ({@link dev.conversa.conversation.internal.ConversationUpdates}). Used by the facade, the
 * pipeline and the outbox sender. Not API: left out of javadoc and of the API check.
 */
package dev.conversa.conversation.internal;
