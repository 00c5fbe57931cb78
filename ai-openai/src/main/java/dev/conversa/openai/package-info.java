/**
 * A responder backed by the OpenAI Chat Completions API or any compatible endpoint:
 * {@link dev.conversa.openai.OpenAiResponder}, built with
 * {@link dev.conversa.openai.OpenAiResponder#builder()}, with per-tenant
 * {@link dev.conversa.openai.TenantProfile}s, host {@link dev.conversa.openai.Tool}s, token
 * usage reporting ({@link dev.conversa.openai.UsageListener}, {@link dev.conversa.openai.UsageMeter})
 * and {@link dev.conversa.openai.AgentAssist} for human agents.
 */
package dev.conversa.openai;
