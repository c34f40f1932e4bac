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
 */
public record ProcessedMail(Long id, long accountId, long ruleId, String folder, long uidValidity, long uid,
        String messageId, String subject, Instant received, Status status, List<Long> documentIds, String error,
        Instant updatedAt) {

    /** How far the mail got. */
    public enum Status {
        /** Taken on; its documents may be partly stored (a crash): consumed again, duplicates counted as stored. */
        PENDING,
        /** Every document from it is stored; the action on the server is still to run. */
        STORED,
        /** The action ran: nothing left to do. */
        DONE,
        /** It could not be consumed; it is left on the server untouched and tried again at the next fetch. */
        FAILED
    }

    public ProcessedMail {
        Objects.requireNonNull(folder, "folder");
        Objects.requireNonNull(status, "status");
        subject = subject == null ? "" : subject.length() > 256 ? subject.substring(0, 256) : subject;
        documentIds = documentIds == null ? List.of() : List.copyOf(documentIds);
    }
}
