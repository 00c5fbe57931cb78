/**
 * Internal: the WhatsApp Cloud API wire format (webhook normalizer, message renderer, limits,
 * send pacing). Not API; may change in any release.
 */
package dev.conversa.whatsapp.internal;
