/**
 * The Graph API client that channel adapters send through: base URL, API version, timeouts,
 * retries with backoff, and Meta's errors as {@link dev.conversa.graph.GraphApiException}.
 */
package dev.conversa.graph;
