/**
 * Test support shared by every module through core's test jar: a {@link
 * dev.conversa.testsupport.MutableClock} for tests that move time by hand, {@link
 * dev.conversa.testsupport.ModelSamples}, sample values of every model record, {@link
 * dev.conversa.testsupport.WebhookPayloads}, which loads and parses webhook fixtures, {@link
 * dev.conversa.testsupport.LoopbackWireMock}, the WireMock server every HTTP test talks to, and {@link
 * dev.conversa.testsupport.ApiDump}, the recorded public API every published module checks.
 */
package dev.conversa.testsupport;
