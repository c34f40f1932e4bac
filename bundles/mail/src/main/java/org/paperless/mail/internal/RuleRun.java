package org.paperless.mail.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;

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
 * One rule over its folder: the server searches, the mails already DONE under the folder's UIDVALIDITY (and
 * those the fetcher gave up on) are left out, the envelopes of the others come in batches, and each mail goes
 * to the {@link MailHandler}. Then the rule's unfinished mails that the search no longer finds are finished.
 */
final class RuleRun {

    private static final Logger LOG = LoggerFactory.getLogger(RuleRun.class);

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
            // Read once: the mails below only change records of mails the search found, which the end leaves out.
            List<ProcessedMail> unfinished = services.processed().unfinished(account.id(), rule.folder()).stream()
                    .filter(r -> r.uidValidity() == uidValidity).toList();
            Set<Long> givenUp = unfinished.stream().filter(MailHandler::givenUp).map(ProcessedMail::uid)
                    .collect(Collectors.toSet());
            long[] todo = Arrays.stream(found).filter(uid -> !done.contains(uid) && !givenUp.contains(uid)).toArray();
            LOG.debug("Rule {}: {} of {} mails in {} match {}, {} not done yet", rule.name(), found.length,
                    folder.getMessageCount(), rule.folder(), ServerSearch.describe(rule, LocalDate.now(clock)), todo.length);
            MailHandler handler = new MailHandler(services, account, rule, folder, uidValidity, stagingRoot, limits, tally,
                    stopping, clock);
            try {
                run(handler, folder, found, todo, unfinished, claimed);
            } catch (ConsumptionHeld e) {
                handler.flush(); // what is stored gets its action before this account's fetch ends
                throw e;
            } finally {
                handler.discard();
            }
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

    /**
     * The mails found, then the unfinished ones the search no longer finds. Their documents are consumed a
     * few mails at a time ({@link MailHandler#drain}), their actions run in batches ({@link MailHandler#flush}).
     */
    private void run(MailHandler handler, IMAPFolder folder, long[] found, long[] todo, List<ProcessedMail> unfinished,
            Set<String> claimed)
            throws MessagingException, IOException, InterruptedException, ConsumptionHeld {
        for (int from = 0; from < todo.length; from += limits.batch()) {
            long[] batch = Arrays.copyOfRange(todo, from, Math.min(todo.length, from + limits.batch()));
            Message[] present = Arrays.stream(folder.getMessagesByUID(batch))
                    .filter(m -> m != null && !m.isExpunged()).toArray(Message[]::new);
            FetchProfile profile = new FetchProfile();
            profile.add(UIDFolder.FetchProfileItem.UID);
            profile.add(FetchProfile.Item.ENVELOPE);
            folder.fetch(present, profile);
            for (Message message : present) {
                take(handler, (IMAPMessage) message, folder, claimed);
            }
            handler.flush();
        }
        Set<Long> searched = Arrays.stream(found).boxed().collect(Collectors.toSet());
        for (ProcessedMail left : unfinished) {
            if (left.ruleId() == rule.id() && !searched.contains(left.uid())) {
                finishLeft(handler, left, folder, claimed);
            }
        }
        handler.drain();
        handler.flush();
    }

    /** One mail to the handler, unless a stop-processing rule took it already. */
    private void take(MailHandler handler, IMAPMessage message, IMAPFolder folder, Set<String> claimed)
            throws MessagingException, IOException, InterruptedException, ConsumptionHeld {
        if (stopping.getAsBoolean() || Thread.currentThread().isInterrupted()) {
            throw new InterruptedException("The mail fetch was stopped");
        }
        Candidate mail = Candidate.of(message, folder.getUID(message));
        String key = mail.messageId() != null ? mail.messageId() : rule.folder() + "#" + mail.uid();
        if (claimed.contains(key)) {
            return;
        }
        if (handler.handle(message, mail) && rule.stopProcessing()) {
            claimed.add(key);
        }
    }

    /**
     * A mail of this rule left unfinished that the search no longer finds (it was read, flagged or moved
     * meanwhile, or it is past the maximum age now). STORED: its action may have run already, only the record
     * is left to finish. PENDING: its documents are finished when the mail is still there. A FAILED one is
     * tried again only when the search finds it, as any other mail.
     */
    private void finishLeft(MailHandler handler, ProcessedMail left, IMAPFolder folder, Set<String> claimed)
            throws MessagingException, IOException, InterruptedException, ConsumptionHeld {
        if (left.status() == ProcessedMail.Status.STORED) {
            handler.finishStored(left);
        } else if (left.status() == ProcessedMail.Status.PENDING) {
            IMAPMessage message = (IMAPMessage) folder.getMessageByUID(left.uid());
            if (message != null && !message.isExpunged()) {
                LOG.info("Rule {}: mail UID {} '{}' was left unfinished and no longer matches the search: finishing it",
                        rule.name(), left.uid(), left.subject());
                take(handler, message, folder, claimed);
            } else {
                LOG.debug("Rule {}: mail UID {} '{}' was left unfinished and is no longer in {}", rule.name(),
                        left.uid(), left.subject(), rule.folder());
            }
        }
    }
}
