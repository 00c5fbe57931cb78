/**
 * Internal: the Graph API client on {@code java.net.http} and the one retry policy shared with
 * the other modules that call HTTP APIs. Not API: types here are public only so that
 * {@code dev.conversa.graph} and other Conversa modules can reach them, and may change in any
 * release.
 */
package dev.conversa.internal.http;
