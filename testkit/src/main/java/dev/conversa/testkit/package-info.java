/**
 * Test support for hosts and for Conversa's own modules: a loopback stand-in of the Graph API
 * ({@link dev.conversa.testkit.GraphStandIn}) that answers like Meta, records every request and
 * injects Meta's errors on demand.
 */
package dev.conversa.testkit;
