/**
 * Test support shared by every module through core's test jar: a {@link
 * dev.conversa.testsupport.MutableClock} for tests that move time by hand and {@link
 * dev.conversa.testsupport.ModelSamples}, sample values of every model record.
 */
package dev.conversa.testsupport;
