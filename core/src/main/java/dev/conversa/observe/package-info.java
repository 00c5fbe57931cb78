/**
 * Hooks for metrics: {@link dev.conversa.observe.ConversaObserver} hears how long the pipeline,
 * the responder and each send took, and how sends ended, with no personal data, so a host binds
 * them to its metrics library (the Spring Boot starter binds them to Micrometer). Core depends on
 * no metrics library.
 */
package dev.conversa.observe;
