package org.paperless.api.mail;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.osgi.annotation.versioning.ProviderType;

/** The record of mails taken on, offered by storage; each call is its own committed transaction. */
@ProviderType
public interface ProcessedMails {

    Optional<ProcessedMail> find(long accountId, String folder, long uidValidity, long uid);

    /** The UIDs of one folder (under one UIDVALIDITY) that need nothing more: status DONE. */
    Set<Long> doneUids(long accountId, String folder, long uidValidity);

    /** The newest record of a mail by its Message-ID in that folder, whatever its UIDVALIDITY. */
    Optional<ProcessedMail> findByMessageId(long accountId, String folder, String messageId);

    /** Records a mail as PENDING (its id null), or returns the record already there for the same UID. */
    ProcessedMail begin(ProcessedMail mail);

    /** Adds a document made from the mail (once; adding it again changes nothing). */
    void addDocument(long processedId, long documentId);

    /** Sets the status (and the error, null when none); the attempts stay as they are. */
    void setStatus(long processedId, ProcessedMail.Status status, String error);

    /**
     * Records a failed attempt: the status becomes FAILED with the error, and the attempts grow by one.
     *
     * @return the attempts now
     * @since 1.1
     */
    int fail(long processedId, String error);

    /**
     * The records of one account's folder whose status is not DONE (PENDING, STORED or FAILED), under every
     * UIDVALIDITY, oldest first: what a fetch has to finish, however many records came after them.
     *
     * @since 1.1
     */
    List<ProcessedMail> unfinished(long accountId, String folder);

    /**
     * Clears the attempts of the account's FAILED mails, so that the next fetch tries them again (those it gave
     * up on too).
     *
     * @return how many FAILED mails there were
     * @since 1.1
     */
    int retryFailed(long accountId);

    /** Where a document came from, when it came from a mail. */
    Optional<MailOrigin> originOf(long documentId);

    /** The newest records first, at most {@code limit}. */
    List<ProcessedMail> recent(int limit);

    /**
     * Forgets these records (ids that are not there are left out): their mails are fetched again if a rule still
     * takes them, as in paperless-ngx; the documents stay. Returns how many went.
     */
    int delete(java.util.Collection<Long> ids);
}
