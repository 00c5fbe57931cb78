/**
 * A responder backed by the OpenAI Chat Completions API or any compatible endpoint:
 * {@link dev.conversa.openai.OpenAiResponder}, built with
 * {@link dev.conversa.openai.OpenAiResponder#builder()}. Per-tenant profiles, host tools, token
 * usage and agent assist are core's {@link dev.conversa.respond.TenantProfile},
 * {@link dev.conversa.respond.Tool}, {@link dev.conversa.respond.UsageListener} and
 * {@link dev.conversa.respond.AgentAssist}, shared with {@code conversa-langchain4j}.
 */
package dev.conversa.openai;
