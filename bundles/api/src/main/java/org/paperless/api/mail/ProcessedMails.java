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

    /** Sets the status (and the error, null when none). */
    void setStatus(long processedId, ProcessedMail.Status status, String error);

    /** Where a document came from, when it came from a mail. */
    Optional<MailOrigin> originOf(long documentId);

    /** The newest records first, at most {@code limit}. */
    List<ProcessedMail> recent(int limit);
}
