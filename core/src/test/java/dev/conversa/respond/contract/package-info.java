/**
 * The behaviour every {@link dev.conversa.respond.Responder} must show, as abstract JUnit 5
 * tests that each responder runs by extending
 * {@link dev.conversa.respond.contract.ResponderContract}. Shipped in core's test-jar.
 */
package dev.conversa.respond.contract;
