/**
 * The Instagram channel ({@link dev.conversa.instagram.InstagramChannel}): Instagram Messaging on
 * the Messenger Platform event format, through a connected Facebook Page or with Instagram Login.
 */
package dev.conversa.instagram;
