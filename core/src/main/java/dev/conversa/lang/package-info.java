/**
 * The types every other Conversa package may use and that use none of them:
 * {@link dev.conversa.lang.Secret}, a credential that never shows itself, and
 * {@link dev.conversa.lang.ConversaException}, the root of every exception Conversa throws.
 * Kept apart from the facade in {@code dev.conversa} so that no package needs the facade's
 * package, and the facade's package can depend on all the others without a cycle.
 */
package dev.conversa.lang;
