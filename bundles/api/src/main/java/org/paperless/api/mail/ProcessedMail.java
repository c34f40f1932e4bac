package org.paperless.api.mail;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A mail the fetcher took on, remembered by account, folder, UIDVALIDITY and UID, so that it is consumed
 * once: {@link Status#PENDING} while its documents are being consumed, {@link Status#STORED} once each of
 * them is committed, {@link Status#DONE} once the rule's action ran on the server.
 *
 * @param id the database's, null before it is stored
 * @param messageId the Message-ID header, or null; finds the mail again after a UIDVALIDITY change
 * @param subject cut to 256 characters
 * @param documentIds the documents made from it so far
 * @param error why it failed, or null
 * @param attempts how many times consuming it failed; a lost connection to the server is not counted (it is
 *        not the mail's fault). The fetcher gives up on a mail after {@link MailFetcher#MAX_ATTEMPTS} (since 1.1).
 */
public record ProcessedMail(Long id, long accountId, long ruleId, String folder, long uidValidity, long uid,
        String messageId, String subject, Instant received, Status status, List<Long> documentIds, String error,
        Instant updatedAt, int attempts) {

    /** How far the mail got. */
    public enum Status {
        /** Taken on; its documents may be partly stored (a crash): consumed again, duplicates counted as stored. */
        PENDING,
        /** Every document from it is stored; the action on the server is still to run. */
        STORED,
        /** The action ran: nothing left to do. */
        DONE,
        /**
         * It could not be consumed; it is left on the server untouched and tried again at the next fetch, until
         * it failed {@link MailFetcher#MAX_ATTEMPTS} {@link ProcessedMail#attempts() attempts}: then it is left
         * alone until {@link ProcessedMails#retryFailed} clears them.
         */
        FAILED
    }

    public ProcessedMail {
        Objects.requireNonNull(folder, "folder");
        Objects.requireNonNull(status, "status");
        subject = subject == null ? "" : subject.length() > 256 ? subject.substring(0, 256) : subject;
        documentIds = documentIds == null ? List.of() : List.copyOf(documentIds);
        if (attempts < 0) {
            throw new IllegalArgumentException("attempts cannot be negative: " + attempts);
        }
    }

    /** A mail with no failed attempt, as before 1.1. */
    public ProcessedMail(Long id, long accountId, long ruleId, String folder, long uidValidity, long uid,
            String messageId, String subject, Instant received, Status status, List<Long> documentIds, String error,
            Instant updatedAt) {
        this(id, accountId, ruleId, folder, uidValidity, uid, messageId, subject, received, status, documentIds, error,
                updatedAt, 0);
    }
}
