/**
 * A responder backed by any LangChain4j {@code ChatModel}:
 * {@link dev.conversa.langchain4j.LangChain4jResponder}, built with
 * {@link dev.conversa.langchain4j.LangChain4jResponder#builder()}. It shares its behaviour, and
 * core's {@link dev.conversa.respond.TenantProfile}, {@link dev.conversa.respond.Tool},
 * {@link dev.conversa.respond.UsageListener} and {@link dev.conversa.respond.AgentAssist}, with
 * {@code conversa-openai}.
 */
package dev.conversa.langchain4j;
