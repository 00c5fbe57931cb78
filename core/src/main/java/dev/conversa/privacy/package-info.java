/**
 * Privacy: erasure of one person ({@link dev.conversa.privacy.Privacy}); Meta's data deletion and
 * deauthorize callbacks ({@link dev.conversa.privacy.DataDeletionCallback},
 * {@link dev.conversa.privacy.DeauthorizeCallback}), which verify a {@code signed_request} with
 * the same code, record a deletion request that {@code Conversa.dataDeletions()} carries out
 * ({@link dev.conversa.privacy.DeletionRun}) or disconnect the app user's accounts
 * ({@link dev.conversa.privacy.AppUserDisconnector}); and retention
 * ({@link dev.conversa.privacy.RetentionPolicy}, {@link dev.conversa.privacy.RetentionJob}), which
 * removes stored data once its period is over; and the STOP and START keywords
 * ({@link dev.conversa.privacy.OptOutKeywords}).
 */
package dev.conversa.privacy;
