/**
 * The entry point of Conversa: {@link dev.conversa.Conversa}, configured with
 * {@link dev.conversa.Conversa.Builder}, and the small API around it
 * ({@link dev.conversa.Conversations}); the foundation types it shares with every package are in
 * {@code dev.conversa.lang}. Internally this package holds the dispatcher that
 * runs inbox entries through the pipeline and the worker that sends the outbox.
 */
package dev.conversa;
