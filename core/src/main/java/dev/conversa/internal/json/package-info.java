/**
 * Internal: JSON plumbing shared by core and the channel modules. Not API.
 */
package dev.conversa.internal.json;
