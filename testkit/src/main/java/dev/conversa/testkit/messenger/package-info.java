/**
 * Test kit for the Messenger channel: builders of Messenger Platform webhooks, signed as Meta
 * signs them.
 */
package dev.conversa.testkit.messenger;
