/**
 * Internal: the Chat Completions wire format and the HTTP client that speaks it. Not API; it may
 * change in any release.
 *
 * @see <a href="https://platform.openai.com/docs/api-reference/chat/create">Chat Completions API</a>
 */
package dev.conversa.openai.internal;
