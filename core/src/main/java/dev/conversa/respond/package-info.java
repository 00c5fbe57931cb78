/**
 * The responder SPI ({@link dev.conversa.respond.Responder}) and the rules responder that
 * answers without any AI service.
 */
package dev.conversa.respond;
