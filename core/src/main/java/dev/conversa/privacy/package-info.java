/**
 * Privacy: Meta's data deletion callback ({@link dev.conversa.privacy.DataDeletionCallback}),
 * which verifies a {@code signed_request} and records a deletion request for the privacy
 * module to carry out; and retention ({@link dev.conversa.privacy.RetentionPolicy},
 * {@link dev.conversa.privacy.RetentionJob}), which removes stored data once its period is over;
 * and the STOP and START keywords ({@link dev.conversa.privacy.OptOutKeywords}).
 */
package dev.conversa.privacy;
