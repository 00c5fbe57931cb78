/** Example: Conversa's webhook served by a Jakarta Servlet. */
package dev.conversa.examples.servlet;
