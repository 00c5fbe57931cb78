/**
 * A running {@link dev.conversa.Conversa} for the end-to-end tests of the channel modules, which
 * point it at their Graph API stand-in. Shipped in core's test-jar.
 */
package dev.conversa.e2e;
