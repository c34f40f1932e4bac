package org.paperless.mail.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.IMAPMessage;
import org.paperless.api.mail.MailAccount;
import org.paperless.api.mail.MailRule;
import org.paperless.api.mail.ProcessedMail;
import org.paperless.api.mail.ProcessedMail.Status;
import org.paperless.api.tasks.TaskLog;
import org.paperless.api.tasks.TaskRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import jakarta.mail.MessagingException;

/**
 * The end of a mail of one rule: its action once all of its documents are stored (run in batches, then DONE),
 * or a failed attempt counted against {@link MailHandler#MAX_ATTEMPTS}. Kept apart from the reading of mails
 * ({@link MailHandler}) and their consumption ({@link MailWindow}), which both end a mail here.
 */
final class MailFinisher {

    /** Logs as the mail handler it was split from, so log settings and readers see the same lines. */
    private static final Logger LOG = LoggerFactory.getLogger(MailHandler.class);

    private final Services services;
    private final MailAccount account;
    private final MailRule rule;
    private final IMAPFolder folder;
    private final long uidValidity;
    private final Limits limits;
    private final Tally tally;
    private final Clock clock;
    private final List<Due> due = new ArrayList<>();

    /** A mail whose documents are all stored, its action still to run. */
    private record Due(ProcessedMail record, IMAPMessage message, Candidate mail) {
    }

    MailFinisher(Services services, MailAccount account, MailRule rule, IMAPFolder folder, long uidValidity,
            Limits limits, Tally tally, Clock clock) {
        this.services = services;
        this.account = account;
        this.rule = rule;
        this.folder = folder;
        this.uidValidity = uidValidity;
        this.limits = limits;
        this.tally = tally;
        this.clock = clock;
    }

    /**
     * A mail left STORED that the rule's search no longer finds: its action may have run before the fetch was
     * cut off (the mail is read, flagged, moved or deleted already), or the mail went away. Either way only
     * the record is left to finish; an action still undone on a mail still there is run.
     */
    void finishStored(ProcessedMail record) throws MessagingException {
        IMAPMessage message = (IMAPMessage) folder.getMessageByUID(record.uid());
        if (message == null || message.isExpunged() || MailActions.done(rule, message)) {
            services.processed().setStatus(record.id(), Status.DONE, null);
            LOG.info("Rule {}: mail UID {} '{}' was {}: done", rule.name(), record.uid(), record.subject(),
                    message == null || message.isExpunged() ? "moved or deleted" : "acted on already");
            return;
        }
        act(record, message, new Candidate(record.uid(), record.messageId(), record.subject(), "", "", List.of(),
                record.received(), -1));
    }

    /**
     * The action is due once every document is stored. Actions run in batches ({@link #flush}): until then the
     * mail is STORED, which a stop leaves for the next fetch to finish.
     */
    void act(ProcessedMail record, IMAPMessage message, Candidate mail) throws MessagingException {
        due.add(new Due(record, message, mail));
        if (due.size() >= limits.batch()) {
            flush();
        }
    }

    /** Runs the due actions, then marks their mails DONE. A refused action leaves its mail STORED with the reason. */
    void flush() throws MessagingException {
        if (due.isEmpty()) {
            return;
        }
        List<Due> batch = List.copyOf(due);
        due.clear();
        try {
            MailActions.run(rule, folder, batch.stream().map(Due::message).toArray(IMAPMessage[]::new));
            for (Due d : batch) {
                done(d);
            }
        } catch (MessagingException e) {
            if (ConnectionState.lost(e, folder) || batch.size() == 1) {
                actionFailed(batch.get(0), e);
                return;
            }
            for (Due d : batch) { // one at a time: the refused one is found, the others are done
                try {
                    MailActions.run(rule, folder, d.message());
                    done(d);
                } catch (MessagingException single) {
                    actionFailed(d, single);
                }
            }
        }
    }

    private void done(Due d) {
        services.processed().setStatus(d.record().id(), Status.DONE, null);
        tally.mailsConsumed++;
        LOG.info("Rule {}: mail {} done ({})", rule.name(), d.mail().label(), rule.action());
    }

    private void actionFailed(Due d, MessagingException e) throws MessagingException {
        if (ConnectionState.lost(e, folder)) {
            throw e; // the mails stay STORED: the next fetch runs their action
        }
        String reason = "The action " + rule.action() + " failed: " + Failures.message(e);
        services.processed().setStatus(d.record().id(), Status.STORED, reason);
        tally.failedMails++;
        tally.lastError = "Mail " + d.mail().label() + ": " + reason;
        LOG.warn("Rule {}: mail {}: {}; its documents are stored, the action is tried again next time", rule.name(),
                d.mail().label(), reason);
    }

    /**
     * Counts a failed attempt. Until the last one the mail is tried again at the next fetch; at the last one
     * the fetcher gives up on it, says so once (log and task list) and says what to do.
     *
     * @param toTaskList whether the failure still has to go to the task list (the consumer lists the files it refused)
     */
    void fail(ProcessedMail existing, Candidate mail, String reason, Instant started, boolean toTaskList) {
        ProcessedMail record = recordOf(existing, mail);
        int attempts = services.processed().fail(record.id(), reason);
        tally.failedMails++;
        tally.lastError = "Mail " + mail.label() + ": " + reason;
        String task = "mail " + mail.label() + " (" + account.name() + "/" + rule.folder() + ")";
        if (attempts >= MailHandler.MAX_ATTEMPTS) {
            String name = account.name().matches("[\\w.@+-]+") ? account.name() : '"' + account.name() + '"';
            String advice = "Fix the cause and run paperless:mail-fetch --retry-failed --account " + name
                    + ", or take the mail out of " + rule.folder();
            LOG.warn("Rule {}: mail {} of account {} failed {} times; it is left alone on the server from now on: {}. {}",
                    rule.name(), mail.label(), account.name(), attempts, reason, advice);
            toTaskList(TaskRecord.consumeFailed(task, started, clock.instant(),
                    "Given up after " + attempts + " failed attempts: " + reason + ". " + advice));
            return;
        }
        LOG.warn("Rule {}: mail {} of account {} failed (attempt {} of {}), it stays on the server as it is and is tried"
                + " again next time: {}", rule.name(), mail.label(), account.name(), attempts, MailHandler.MAX_ATTEMPTS,
                reason);
        if (toTaskList) {
            toTaskList(TaskRecord.consumeFailed(task, started, clock.instant(), reason));
        }
    }

    private void toTaskList(TaskRecord task) {
        TaskLog log = services.taskLog().get();
        if (log != null) {
            try {
                log.record(task);
            } catch (RuntimeException e) {
                LOG.warn("The failed mail could not be added to the task list: {}", e.toString());
            }
        }
    }

    /** The mail's record: the existing one, else a new PENDING one of this rule. */
    ProcessedMail recordOf(ProcessedMail existing, Candidate mail) {
        return existing != null ? existing
                : services.processed().begin(new ProcessedMail(null, account.id(), rule.id(), rule.folder(), uidValidity,
                        mail.uid(), mail.messageId(), mail.subject(), mail.received(), Status.PENDING, List.of(), null,
                        null));
    }
}
