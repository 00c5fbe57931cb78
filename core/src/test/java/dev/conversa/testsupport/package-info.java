/**
 * Test support shared by every module through core's test jar: a {@link
 * dev.conversa.testsupport.MutableClock} for tests that move time by hand and {@link
 * dev.conversa.testsupport.ModelSamples}, sample values of every model record, and {@link
 * dev.conversa.testsupport.TestSignedRequests}, Meta's {@code signed_request} for the data
 * deletion callback.
 */
package dev.conversa.testsupport;
