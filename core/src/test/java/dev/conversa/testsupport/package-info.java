/**
 * Test support shared by every module through core's test jar: a {@link
 * dev.conversa.testsupport.MutableClock} for tests that move time by hand.
 */
package dev.conversa.testsupport;
