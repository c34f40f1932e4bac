package org.paperless.mail.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.function.BooleanSupplier;

import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.IMAPMessage;
import org.paperless.api.mail.MailAccount;
import org.paperless.api.mail.MailRule;
import org.paperless.api.mail.ProcessedMail;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import jakarta.mail.FetchProfile;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Store;
import jakarta.mail.UIDFolder;

/**
 * One rule over its folder: the server searches, the mails already DONE under the folder's UIDVALIDITY are
 * left out, the envelopes of the others come in batches, and each mail goes to the {@link MailHandler}.
 */
final class RuleRun {

    private static final Logger LOG = LoggerFactory.getLogger(RuleRun.class);
    /**
     * How far back the records are looked through for mails left STORED that the search no longer finds
     * (their action ran, but the fetch was cut off before it could note it). A stop-gap: ProcessedMails has no
     * query for the records of one folder that are not DONE.
     */
    static final int RECENT = 1000;

    private final Services services;
    private final MailAccount account;
    private final MailRule rule;
    private final Path stagingRoot;
    private final Limits limits;
    private final Tally tally;
    private final BooleanSupplier stopping;
    private final Clock clock;

    RuleRun(Services services, MailAccount account, MailRule rule, Path stagingRoot, Limits limits, Tally tally,
            BooleanSupplier stopping, Clock clock) {
        this.services = services;
        this.account = account;
        this.rule = rule;
        this.stagingRoot = stagingRoot;
        this.limits = limits;
        this.tally = tally;
        this.stopping = stopping;
        this.clock = clock;
    }

    /** @param claimed mails (by Message-ID, else folder and UID) a stop-processing rule took; added to here */
    void run(Store store, Set<String> claimed)
            throws MessagingException, IOException, InterruptedException, ConsumptionHeld, RuleFailed {
        IMAPFolder folder = (IMAPFolder) store.getFolder(rule.folder());
        if (!folder.exists()) {
            List<String> names = ImapConnector.folders(store);
            throw new RuleFailed("The folder '" + rule.folder() + "' does not exist; the account has "
                    + (names.size() > 30 ? names.subList(0, 30) + "..." : names));
        }
        MailActions.check(rule, folder);
        folder.open(Folder.READ_WRITE);
        try {
            long uidValidity = folder.getUIDValidity();
            long[] found = ServerSearch.uids(folder, rule, account.characterSet(), LocalDate.now(clock));
            Set<Long> done = services.processed().doneUids(account.id(), rule.folder(), uidValidity);
            long[] todo = Arrays.stream(found).filter(uid -> !done.contains(uid)).toArray();
            LOG.debug("Rule {}: {} of {} mails in {} match {}, {} not done yet", rule.name(), found.length,
                    folder.getMessageCount(), rule.folder(), ServerSearch.describe(rule, LocalDate.now(clock)), todo.length);
            MailHandler handler = new MailHandler(services, account, rule, folder, uidValidity, stagingRoot, limits, tally,
                    stopping, clock);
            for (int from = 0; from < todo.length; from += limits.batch()) {
                long[] batch = Arrays.copyOfRange(todo, from, Math.min(todo.length, from + limits.batch()));
                Message[] present = Arrays.stream(folder.getMessagesByUID(batch))
                        .filter(m -> m != null && !m.isExpunged()).toArray(Message[]::new);
                FetchProfile profile = new FetchProfile();
                profile.add(UIDFolder.FetchProfileItem.UID);
                profile.add(FetchProfile.Item.ENVELOPE);
                folder.fetch(present, profile);
                for (Message message : present) {
                    if (stopping.getAsBoolean() || Thread.currentThread().isInterrupted()) {
                        throw new InterruptedException("The mail fetch was stopped");
                    }
                    Candidate mail = Candidate.of((IMAPMessage) message, folder.getUID(message));
                    String key = mail.messageId() != null ? mail.messageId() : rule.folder() + "#" + mail.uid();
                    if (claimed.contains(key)) {
                        continue;
                    }
                    try {
                        if (handler.handle((IMAPMessage) message, mail) && rule.stopProcessing()) {
                            claimed.add(key);
                        }
                    } catch (ConsumptionHeld e) {
                        handler.flush(); // what is stored gets its action before this account's fetch ends
                        throw e;
                    }
                }
                handler.flush();
            }
            Set<Long> searched = Arrays.stream(found).boxed().collect(java.util.stream.Collectors.toSet());
            for (ProcessedMail left : services.processed().recent(RECENT)) {
                if (left.status() == ProcessedMail.Status.STORED && left.accountId() == account.id()
                        && left.ruleId() == rule.id() && left.folder().equals(rule.folder())
                        && left.uidValidity() == uidValidity && !searched.contains(left.uid())) {
                    handler.finishStored(left);
                }
            }
            handler.flush();
        } finally {
            if (folder.isOpen()) {
                try {
                    folder.close(false);
                } catch (MessagingException e) {
                    LOG.debug("Closing {} failed: {}", rule.folder(), e.toString());
                }
            }
        }
    }
}
