/** Internal: notifies state change listeners. Not API. */
package dev.conversa.internal.state;
