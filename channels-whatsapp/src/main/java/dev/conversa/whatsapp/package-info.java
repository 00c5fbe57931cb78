/**
 * The WhatsApp Cloud API channel: {@link dev.conversa.whatsapp.WhatsAppChannel} normalizes
 * webhooks of the {@code whatsapp_business_account} object and sends every outbound kind,
 * {@link dev.conversa.whatsapp.WhatsAppMedia} uploads and downloads media, and
 * {@link dev.conversa.whatsapp.WhatsAppException} tells a host which of WhatsApp's errors it
 * met ({@link dev.conversa.whatsapp.WhatsAppError}) and whether a retry can help.
 */
package dev.conversa.whatsapp;
