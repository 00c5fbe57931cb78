/**
 * Test kit for the Instagram channel: builders of Instagram messaging webhooks, signed as Meta
 * signs them.
 */
package dev.conversa.testkit.instagram;
