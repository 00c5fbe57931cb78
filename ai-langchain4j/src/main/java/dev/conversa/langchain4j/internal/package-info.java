/**
 * Internal: translation between Conversa's shared responder types and LangChain4j's (messages,
 * tool specifications, JSON schemas, exceptions). Not API.
 */
package dev.conversa.langchain4j.internal;
