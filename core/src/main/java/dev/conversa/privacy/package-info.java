/**
 * Privacy: Meta's data deletion callback ({@link dev.conversa.privacy.DataDeletionCallback}),
 * which verifies a {@code signed_request} and records a deletion request for the privacy
 * module to carry out.
 */
package dev.conversa.privacy;
