/**
 * Seams over time that the SDK's modules share, so tests control waiting instead of doing it:
 * {@link dev.conversa.time.Sleeper}, which retrying clients (the Graph API client, the OpenAI
 * responder) wait through. Asking "what time is it" goes through {@link java.time.Clock}.
 */
package dev.conversa.time;
