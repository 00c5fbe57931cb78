/**
 * Internal: cryptography shared by core's packages, such as the HMAC over a Meta app's secrets
 * that both the webhook signature and the data deletion callback's {@code signed_request} use.
 * Not API: types here are public only so that several Conversa packages can reach them, and may
 * change in any release.
 */
package dev.conversa.internal.crypto;
