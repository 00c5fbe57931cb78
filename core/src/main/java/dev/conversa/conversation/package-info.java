/**
 * Conversations' ownership as seen from outside the pipeline: {@link
 * dev.conversa.conversation.StateChangeListener} hears when a person takes over or the bot
 * resumes.
 */
package dev.conversa.conversation;
