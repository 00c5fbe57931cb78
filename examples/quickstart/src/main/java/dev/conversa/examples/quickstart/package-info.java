/**
 * The quick start: one runnable jar that serves the webhook on the JDK's HTTP server, a small
 * JSON API with erase and export of one person (behind a bearer token with connected accounts;
 * see {@code QuickStartApp}), Meta's data deletion and deauthorize callbacks and, in
 * demo mode only, a page where a newcomer chats with the bot as a WhatsApp, Instagram or
 * Messenger customer through the real webhook path.
 */
package dev.conversa.examples.quickstart;
