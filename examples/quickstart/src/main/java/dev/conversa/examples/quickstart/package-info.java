/**
 * The quick start: one runnable jar that serves the webhook on the JDK's HTTP server, a small
 * JSON API (behind a bearer token with connected accounts; see {@code QuickStartApp}) and, in
 * demo mode only, a page where a newcomer chats with the bot as a WhatsApp, Instagram or
 * Messenger customer through the real webhook path.
 */
package dev.conversa.examples.quickstart;
