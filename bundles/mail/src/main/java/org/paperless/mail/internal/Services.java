package org.paperless.mail.internal;

import java.util.function.Predicate;
import java.util.function.Supplier;

import org.paperless.api.consumer.DocumentConsumer;
import org.paperless.api.mail.MailAccounts;
import org.paperless.api.mail.MailRules;
import org.paperless.api.mail.ProcessedMails;
import org.paperless.api.tasks.TaskLog;

/**
 * What a fetch works with.
 *
 * @param taskLog the task list, or a supplier of null when storage does not offer it
 * @param supportedType whether a parser reads a MIME type now
 */
record Services(MailAccounts accounts, MailRules rules, ProcessedMails processed, DocumentConsumer consumer,
        KnownChecksums checksums, CorrespondentNames correspondents, Supplier<TaskLog> taskLog,
        Predicate<String> supportedType) {
}
