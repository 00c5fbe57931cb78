/**
 * Internal: what every AI-model responder shares (the prompt, masking, the history window, the
 * tool loop, reply splitting, fallbacks, usage and agent assist), so that {@code conversa-openai}
 * and {@code conversa-langchain4j} differ only in how they call the model ({@link
 * dev.conversa.internal.respond.ChatBackend}). Not API.
 */
package dev.conversa.internal.respond;
