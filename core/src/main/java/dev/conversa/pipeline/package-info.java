/**
 * The ordered, per-conversation pipeline that every inbox entry runs through: the built-in
 * {@link dev.conversa.pipeline.Step steps} (record, status, ownership, consent (STOP/START),
 * burst coalescing, respond) and the host's own {@link dev.conversa.pipeline.Middleware} inserted before any of
 * them. The pipeline is assembled by {@code Conversa.builder()}; built-in steps are
 * package-private and cannot be removed.
 */
package dev.conversa.pipeline;
