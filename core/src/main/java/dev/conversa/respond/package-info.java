/**
 * The responder SPI ({@link dev.conversa.respond.Responder}), the rules responder that answers
 * without any AI service, and what the AI responders of {@code conversa-openai} and
 * {@code conversa-langchain4j} share: per-tenant {@link dev.conversa.respond.TenantProfile}s,
 * host {@link dev.conversa.respond.Tool}s, token usage ({@link dev.conversa.respond.UsageListener},
 * {@link dev.conversa.respond.UsageMeter}) and {@link dev.conversa.respond.AgentAssist}.
 */
package dev.conversa.respond;
