/**
 * Internal: the keyed hash of identifiers and the erasure guard that webhook intake, the
 * pipeline and {@code dev.conversa.privacy.Privacy} share. Not API.
 */
package dev.conversa.internal.privacy;
