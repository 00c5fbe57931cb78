/**
 * Encryption of secrets at rest: {@link dev.conversa.crypto.TokenCipher} seals access tokens
 * with AES-256-GCM before a store writes them, bound to the tenant and account they belong to,
 * with key ids for rotation.
 */
package dev.conversa.crypto;
