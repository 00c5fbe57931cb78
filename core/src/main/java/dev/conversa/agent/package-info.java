/**
 * Human agents: {@link dev.conversa.agent.Agent}s and the {@link dev.conversa.agent.AgentQueue}s
 * they serve, the {@link dev.conversa.agent.Assignment} of a conversation handed to a person,
 * internal {@link dev.conversa.agent.Note}s, and the {@link dev.conversa.agent.HandoffKeywords}
 * that hand a conversation to a person. Used through {@code Conversa.agents()}.
 */
package dev.conversa.agent;
