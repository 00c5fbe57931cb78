/** Internal: helpers shared by the store implementations of several modules. Not API. */
package dev.conversa.internal.store;
