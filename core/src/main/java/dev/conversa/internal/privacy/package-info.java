/**
 * Internal: the keyed hash of identifiers and the erasure guard that webhook intake, the
 * pipeline and {@code dev.conversa.privacy.Privacy} share; the linking of a person's identities
 * that erasure and the consent checks share, and the person-wide consent lookup of the CONSENT
 * step and the send gate. Not API.
 */
package dev.conversa.internal.privacy;
