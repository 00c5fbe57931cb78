/**
 * The JDBC stores' SQL, row mappers, transactions and migrations. <b>Internal:</b> not API; it
 * may change in any release. Every statement is prepared and names the tenant; connections,
 * statements and result sets never leave the method that opened them.
 */
package dev.conversa.jdbc.internal;
